package prodbridge.runs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How this program starts itself again (a detached run's supervisor, a keeper's reap, a batch's job
 * supervisors, the MCP server's runs) and how a user does: through its launcher script when it has
 * one, which adds the class-data archive it can vouch for; otherwise this JVM with the launcher's
 * own start-up flags and this class path (tests run from class folders, where no archive applies).
 * The one place that knows the launcher, the flags and the main class.
 */
public final class Relaunch {
  /** The system property the launcher script sets to its own absolute path. */
  public static final String LAUNCHER_PROPERTY = "prodbridge.launcher";

  /**
   * The launcher's JVM flags, less the archive: C1 only, serial GC, no perf data, JVM output kept
   * off stdout.
   */
  public static final List<String> JVM_FLAGS =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-XX:-UsePerfData",
          "-Xshare:auto",
          "-XX:+DisplayVMOutputToStderr",
          "-Xlog:disable",
          "-Xlog:all=warning:stderr",
          "-Xlog:cds*=off:stderr");

  private static final String MAIN = "prodbridge.cli.Main";

  private Relaunch() {}

  /**
   * The launcher script's absolute path, or null when this process was started some other way
   * (tests).
   */
  public static String script() {
    String p = System.getProperty(LAUNCHER_PROPERTY);
    return p == null || p.isBlank() || !Files.isExecutable(Path.of(p)) ? null : p;
  }

  /**
   * What a user types to run this program, for the next steps a result suggests: the launcher's
   * path, else the name.
   */
  public static String userCommand() {
    String p = System.getProperty(LAUNCHER_PROPERTY);
    return p == null || p.isBlank() ? "prod-bridge" : p;
  }

  /**
   * The argv prefix that starts this program again: the launcher script, else this JVM with the
   * same flags.
   */
  public static List<String> command() {
    String launcher = script();
    if (launcher != null) {
      return List.of(launcher);
    }
    List<String> argv = new ArrayList<>();
    argv.add(javaBinary());
    argv.addAll(JVM_FLAGS);
    argv.addAll(List.of("-cp", classpath(Path.of("").toAbsolutePath()), MAIN));
    return argv;
  }

  /**
   * The argv of a detached run's supervisor: this program with {@code bridgeArgs} (the invocation's
   * arguments without {@code --detach}, the command word first), the run id and, unless given (or
   * null), the episode id fixed right after the command word, before a {@code run}'s own command
   * line.
   */
  static List<String> supervisor(String runId, String episodeId, List<String> bridgeArgs) {
    List<String> argv = new ArrayList<>(command());
    argv.add(bridgeArgs.get(0));
    argv.addAll(List.of("--run-id", runId));
    if (episodeId != null
        && bridgeArgs.stream()
            .noneMatch(a -> a.equals("--episode-id") || a.startsWith("--episode-id="))) {
      argv.addAll(List.of("--episode-id", episodeId));
    }
    argv.addAll(bridgeArgs.subList(1, bridgeArgs.size()));
    return argv;
  }

  /** This JVM's java binary, so a child started with it runs on the same Java. */
  static String javaBinary() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return Files.isExecutable(java) ? java.toString() : "java";
  }

  /**
   * This program's class path, each entry absolute against {@code base}, so a JVM in another
   * directory finds it.
   */
  static String classpath(Path base) {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(s -> !s.isEmpty())
        .map(s -> base.resolve(s).toAbsolutePath().normalize().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }
}
