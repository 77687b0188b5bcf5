package prodbridge.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the bridge starts itself again: through its launcher when it set one, else this JVM with the
 * same flags.
 */
class RelaunchTest {
  @TempDir Path dir;

  private final String before = System.getProperty(Relaunch.LAUNCHER_PROPERTY);

  @AfterEach
  void restoreTheProperty() {
    if (before == null) {
      System.clearProperty(Relaunch.LAUNCHER_PROPERTY);
    } else {
      System.setProperty(Relaunch.LAUNCHER_PROPERTY, before);
    }
  }

  @Test
  void withoutALauncherItIsThisJvmWithTheLaunchersFlagsAndAnAbsoluteClassPath() {
    System.clearProperty(Relaunch.LAUNCHER_PROPERTY);
    List<String> argv = Relaunch.command();
    assertThat(argv.get(0))
        .isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    assertThat(argv.subList(1, 1 + Relaunch.JVM_FLAGS.size())).isEqualTo(Relaunch.JVM_FLAGS);
    assertThat(argv.get(argv.size() - 3)).isEqualTo("-cp");
    assertThat(argv.get(argv.size() - 2).split(File.pathSeparator))
        .allMatch(p -> Path.of(p).isAbsolute());
    assertThat(argv.get(argv.size() - 1)).isEqualTo("prodbridge.cli.Main");
    assertThat(Relaunch.script()).isNull();
    assertThat(Relaunch.userCommand()).isEqualTo("prod-bridge");
  }

  @Test
  void anExecutableLauncherIsTheWholePrefixAndWhatAUserIsToldToType() throws Exception {
    Path launcher = Files.writeString(dir.resolve("prod-bridge"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
    System.setProperty(Relaunch.LAUNCHER_PROPERTY, launcher.toString());
    assertThat(Relaunch.command()).containsExactly(launcher.toString());
    assertThat(Relaunch.userCommand()).isEqualTo(launcher.toString());
  }

  @Test
  void aLauncherThatCannotRunIsNotUsedButStillNamedToTheUser() throws Exception {
    Path launcher = Files.writeString(dir.resolve("prod-bridge"), "#!/bin/sh\n");
    System.setProperty(Relaunch.LAUNCHER_PROPERTY, launcher.toString());
    assertThat(Relaunch.script()).isNull();
    assertThat(Relaunch.command()).hasSizeGreaterThan(1).doesNotContain(launcher.toString());
    assertThat(Relaunch.userCommand()).isEqualTo(launcher.toString());
  }

  @Test
  void aSupervisorGetsTheRunIdAndEpisodeIdRightAfterTheCommandWord() {
    System.clearProperty(Relaunch.LAUNCHER_PROPERTY);
    List<String> prefix = Relaunch.command();
    List<String> argv =
        Relaunch.supervisor(
            "run_1", "ep_1", List.of("run", "--budget", "2", "--", "bash", "-c", "x"));
    assertThat(argv.subList(0, prefix.size())).isEqualTo(prefix);
    assertThat(argv.subList(prefix.size(), argv.size()))
        .containsExactly(
            "run",
            "--run-id",
            "run_1",
            "--episode-id",
            "ep_1",
            "--budget",
            "2",
            "--",
            "bash",
            "-c",
            "x");
  }

  @Test
  void anEpisodeIdTheUserGaveIsNotRepeated() {
    System.clearProperty(Relaunch.LAUNCHER_PROPERTY);
    int prefix = Relaunch.command().size();
    List<String> argv =
        Relaunch.supervisor("run_2", "ep_x", List.of("prod-script", "--episode-id=ep_x", "topic"));
    assertThat(argv.subList(prefix, argv.size()))
        .containsExactly("prod-script", "--run-id", "run_2", "--episode-id=ep_x", "topic");
    List<String> none = Relaunch.supervisor("run_3", null, List.of("run", "--", "true"));
    assertThat(none.subList(prefix, none.size()))
        .containsExactly("run", "--run-id", "run_3", "--", "true");
  }
}
