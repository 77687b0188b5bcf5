package prodbridge.supervise;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to launch and bound one child, frozen at launch. {@code environment} is the
 * child's whole environment (nothing else is inherited); the run marker is added to it by the
 * supervisor. {@code stdoutLines} is told every line of stdout that can hold an event or a result
 * (its first non-blank character is '{') as it arrives (on the pump thread; it must be quick), or
 * is null. {@code scrub} rewrites each line that may hold a secret before it reaches a log file, or
 * is null to keep the bytes as they are.
 */
public record LaunchSpec(
    String runId,
    List<String> argv,
    Path workingDir,
    Map<String, String> environment,
    Path stdoutLog,
    Path stderrLog,
    Duration timeout,
    Duration grace,
    java.util.function.Consumer<String> stdoutLines,
    java.util.function.UnaryOperator<String> scrub) {

  /** A spec whose logs keep the child's bytes exactly. */
  public LaunchSpec(
      String runId,
      List<String> argv,
      Path workingDir,
      Map<String, String> environment,
      Path stdoutLog,
      Path stderrLog,
      Duration timeout,
      Duration grace,
      java.util.function.Consumer<String> stdoutLines) {
    this(
        runId,
        argv,
        workingDir,
        environment,
        stdoutLog,
        stderrLog,
        timeout,
        grace,
        stdoutLines,
        null);
  }

  public LaunchSpec {
    argv = List.copyOf(argv);
    environment = Map.copyOf(environment);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("empty command");
    }
  }
}
