package prodbridge.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code child-exit.json}: how the latest attempt's child exited, written the moment it exits,
 * before the result is assembled. If the supervisor dies in between, this is what tells a child
 * that finished by itself from one that was still running, so a finished job is not run again.
 */
public record ChildExit(int attempt, int exitCode, Instant at) {
  /**
   * Runs the child under a small shell that writes its exit code to {@code $1} when it exits, even
   * after the supervisor died (SIGTERM, SIGINT and SIGHUP wait for the child instead of ending the
   * shell; the child itself gets the default actions back on exec), and exits with the same code.
   */
  static final String WRAPPER =
      "trap 'stopping=1' TERM INT HUP; f=$1; shift; \"$@\"; rc=$?; "
          + "printf '%s\\n' \"$rc\" > \"$f.tmp\" && mv -f \"$f.tmp\" \"$f\"; exit $rc";

  /** {@code argv} run under the exit-recording shell, writing into {@code runDir}. */
  static java.util.List<String> recorded(java.util.List<String> argv, Path runDir) {
    java.util.List<String> wrapped =
        new java.util.ArrayList<>(
            java.util.List.of(
                "bash",
                "-c",
                WRAPPER,
                "prod-bridge",
                new RunDir(runDir).childExitCode().toString()));
    wrapped.addAll(argv);
    return wrapped;
  }

  /** The exit code the wrapper wrote for the current attempt, if its child has exited. */
  static Integer recordedCode(Path runDir) {
    try {
      return Integer.valueOf(
          java.nio.file.Files.readString(new RunDir(runDir).childExitCode()).strip());
    } catch (IOException | RuntimeException none) {
      return null;
    }
  }

  static void write(Path runDir, int attempt, int exitCode) {
    try {
      RunFiles.writeAtomically(
          new RunDir(runDir).childExit(),
          ResultJson.write(new ChildExit(attempt, exitCode, Instant.now())));
    } catch (IOException e) {
      // only a recovery after the supervisor's death needs it; the run itself goes on
    }
  }

  static ChildExit read(Path runDir) {
    return RunStore.read(new RunDir(runDir).childExit(), ChildExit.class);
  }
}
