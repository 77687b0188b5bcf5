package prodbridge.supervise;

import java.time.Duration;
import java.time.Instant;

/**
 * What happened to one supervised child. {@code exitCode} is null when it never started; {@code
 * signal} is the number of the signal that ended it, inferred from an exit code above 128 (the JDK
 * reports both the same way). {@code treeStop} is what ending the tree took (on a deadline, a
 * cancel, a limit, or after the main child exited). {@code logFailure} is non-null when a log file
 * could not be written (disk full, I/O error): the child's output was still drained, and what could
 * not be written was dropped and counted.
 */
public record Outcome(
    StopReason reason,
    long pid,
    Integer exitCode,
    Integer signal,
    Instant startedAt,
    Duration elapsed,
    String stdoutTail,
    String stderrTail,
    long stdoutBytes,
    long stderrBytes,
    TreeStop treeStop,
    String launchError,
    LogFailure logFailure) {

  /** An outcome whose logs were written in full. */
  public Outcome(
      StopReason reason,
      long pid,
      Integer exitCode,
      Integer signal,
      Instant startedAt,
      Duration elapsed,
      String stdoutTail,
      String stderrTail,
      long stdoutBytes,
      long stderrBytes,
      TreeStop treeStop,
      String launchError) {
    this(
        reason,
        pid,
        exitCode,
        signal,
        startedAt,
        elapsed,
        stdoutTail,
        stderrTail,
        stdoutBytes,
        stderrBytes,
        treeStop,
        launchError,
        null);
  }

  public static Outcome launchFailed(Instant at, String message) {
    return new Outcome(
        StopReason.LAUNCH_FAILED,
        -1,
        null,
        null,
        at,
        Duration.ZERO,
        "",
        "",
        0,
        0,
        TreeStop.NOTHING,
        message);
  }

  static Integer signalOf(int exitCode) {
    return exitCode > 128 && exitCode <= 128 + 64 ? exitCode - 128 : null;
  }
}
