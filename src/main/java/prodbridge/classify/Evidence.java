package prodbridge.classify;

import java.nio.file.Path;
import prodbridge.supervise.StopReason;

/**
 * What is known about a finished run. {@code stop} is why the child stopped, as the bridge saw it
 * (a stop the bridge caused decides the class before any text is read); {@code exitCode} is null
 * when the child never started; {@code signal} is the signal that ended it, if any; {@code
 * pipelineFailed} is true when the pipeline's own result said it failed, or a result was expected
 * and none came; {@code statedError} is what the pipeline's result or the launch said went wrong
 * (may be null); {@code qualityBelowThreshold} when its score is under the run's bar; {@code
 * outputDir} is where the run writes (null when unknown), the file system a disk-full hint measures
 * when the failure names no path of its own.
 */
public record Evidence(
    StopReason stop,
    Integer exitCode,
    Integer signal,
    boolean pipelineFailed,
    String statedError,
    boolean qualityBelowThreshold,
    String stderrTail,
    String stdoutTail,
    Path outputDir) {

  /** SIGKILL's number: the kernel's OOM killer sends it, and so can a person. */
  public static final int SIGKILL = 9;

  public Evidence(
      StopReason stop,
      Integer exitCode,
      Integer signal,
      boolean pipelineFailed,
      String statedError,
      boolean qualityBelowThreshold,
      String stderrTail,
      String stdoutTail) {
    this(
        stop,
        exitCode,
        signal,
        pipelineFailed,
        statedError,
        qualityBelowThreshold,
        stderrTail,
        stdoutTail,
        null);
  }

  /**
   * What a saved failure shows: how the child exited (a signal inferred from codes 129 to 192) and
   * its text.
   */
  public static Evidence ofExit(Integer exitCode, String stderr, String stdout) {
    Integer signal = exitCode != null && exitCode > 128 && exitCode <= 192 ? exitCode - 128 : null;
    return new Evidence(StopReason.EXITED, exitCode, signal, false, null, false, stderr, stdout);
  }

  /**
   * True when the child ran and failed: a non-zero exit, or a result that says so (or is missing).
   */
  boolean failed() {
    return exitCode == null || exitCode != 0 || pipelineFailed;
  }
}
