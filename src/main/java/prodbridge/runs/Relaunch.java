package prodbridge.runs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How this program starts itself again (a detached run's supervisor, a batch's job supervisors): through its
 * launcher script when it has one, which adds the class-data archive it can vouch for; otherwise this JVM with the
 * launcher's own start-up flags and this class path (tests run from class folders, where no archive applies).
 */
public final class Relaunch {
  /** The launcher's JVM flags, less the archive: C1 only, serial GC, no perf data, JVM output kept off stdout. */
  public static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
      "-XX:-UsePerfData", "-Xshare:auto", "-XX:+DisplayVMOutputToStderr", "-Xlog:disable",
      "-Xlog:all=warning:stderr", "-Xlog:cds*=off:stderr");
  private static final String MAIN = "prodbridge.cli.Main";

  private Relaunch() {}

  /** The argv prefix; {@code launcher} is the launcher script's absolute path, or null. */
  public static List<String> command(String launcher) {
    if (launcher != null) {
      return List.of(launcher);
    }
    List<String> argv = new ArrayList<>();
    argv.add(javaBinary());
    argv.addAll(JVM_FLAGS);
    argv.addAll(List.of("-cp", absoluteClasspath(), MAIN));
    return argv;
  }

  private static String javaBinary() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return Files.isExecutable(java) ? java.toString() : "java";
  }

  private static String absoluteClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(s -> !s.isEmpty()).map(s -> Path.of(s).toAbsolutePath().normalize().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }
}
