package prodbridge.claude;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.Bridge;
import prodbridge.testing.CliRun;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * install-plugin with a real launcher: what it writes, that it keeps what you edited, and the old
 * command's pointer.
 */
@ExtendWith(NoLeftoverProcesses.class)
class InstallPluginTest {
  @TempDir Path tmp;
  private Path launcher;
  private Path project;

  @BeforeEach
  void setUp() throws Exception {
    launcher = TestLauncher.write(tmp.resolve("bridge"));
    project = Files.createDirectories(tmp.resolve("project"));
  }

  @Test
  void writesEveryFileOfThePluginFolderWithABinRunningThisLauncher() throws Exception {
    CliRun run = bridge("install-plugin");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    Path plugin = project.resolve(".claude/skills/prod-bridge");
    assertThat(Bridge.json(run.stdout()).get("dir").asText()).isEqualTo(plugin.toString());
    Path source = Path.of("plugin").toAbsolutePath();
    for (Path f : files(source)) {
      String rel = source.relativize(f).toString();
      assertThat(plugin.resolve(rel)).as(rel).exists();
      if (!rel.equals("bin/prod-bridge")) {
        assertThat(Files.readString(plugin.resolve(rel))).as(rel).isEqualTo(Files.readString(f));
      }
    }
    ProcessBuilder pb =
        new ProcessBuilder(plugin.resolve("bin/prod-bridge").toString(), "--version");
    Process p = pb.redirectErrorStream(true).start();
    assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .startsWith("prod-bridge ");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void anUpdateKeepsAFileYouEditedAndNamesItUnlessForced() throws Exception {
    bridge("install-plugin");
    assertThat(Bridge.json(bridge("install-plugin").stdout()).get("written")).isEmpty();
    Path skill = project.resolve(".claude/skills/prod-bridge/skills/prod-episode/SKILL.md");
    Files.writeString(skill, Files.readString(skill) + "\nAlways use a budget of 2.\n");
    CliRun kept = bridge("install-plugin");
    assertThat(kept.exitCode()).isEqualTo(2);
    assertThat(kept.stderr().lines().count()).isEqualTo(1);
    assertThat(kept.stderr()).contains("skills/prod-episode/SKILL.md").contains("--force");
    assertThat(Files.readString(skill)).endsWith("Always use a budget of 2.\n");
    assertThat(bridge("install-plugin", "--force").exitCode()).isZero();
    assertThat(Files.readString(skill)).doesNotContain("Always use a budget of 2.");
  }

  @Test
  void skillsThatSpendMoneyAreTheUsersToStartAndArgumentsNeverReachAShellUnquoted()
      throws Exception {
    var yaml =
        new com.fasterxml.jackson.databind.ObjectMapper(
            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    List<String> callableByClaude = List.of("prod-status", "prod-result", "prod-runs");
    for (Path skill : files(Path.of("plugin", "skills").toAbsolutePath())) {
      String name = skill.getParent().getFileName().toString();
      String text = Files.readString(skill);
      String[] parts = text.split("(?m)^---$", 3);
      var front = yaml.readTree(parts[1]);
      assertThat(front.get("name").asText()).isEqualTo(name);
      assertThat(front.get("allowed-tools").asText()).isEqualTo("Bash(prod-bridge:*)");
      assertThat(front.path("disable-model-invocation").asBoolean(false))
          .as(name)
          .isEqualTo(!callableByClaude.contains(name));
      for (String line : parts[2].lines().toList()) {
        if (line.strip().startsWith("!`") || line.strip().startsWith("prod-bridge ")) {
          assertThat(line).as(name + ": " + line).doesNotContain("$ARGUMENTS");
        }
      }
      assertThat(parts[2]).as(name).contains("$ARGUMENTS");
    }
  }

  @Test
  void theOldInstallCommandsPointsToThePlugin() throws Exception {
    CliRun old = bridge("install-commands");
    assertThat(old.exitCode()).isEqualTo(2);
    assertThat(old.stderr()).contains("install-plugin").contains("claude plugin marketplace add");
    assertThat(project.resolve(".claude")).doesNotExist();
  }

  private CliRun bridge(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(launcher.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile());
    pb.environment().put("HOME", tmp.toString());
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new CliRun(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
