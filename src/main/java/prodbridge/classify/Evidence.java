package prodbridge.classify;

import java.nio.file.Path;

/**
 * What is known about a finished run, in the classifier's own terms. {@code exitCode} is null when the child
 * never started; {@code signal} is the signal that ended it, if any; {@code pipelineFailed} is true when the
 * pipeline's own result said it failed, or a result was expected and none came; {@code statedError} is what the
 * pipeline's result or the launch said went wrong (may be null); {@code qualityBelowThreshold} when its score is
 * under the run's bar; {@code outputDir} is where the run writes (null when unknown), the file system a disk-full
 * hint measures when the failure names no path of its own.
 */
public record Evidence(
    Observation observation, Integer exitCode, Integer signal, boolean pipelineFailed, String statedError,
    boolean qualityBelowThreshold, String stderrTail, String stdoutTail, Path outputDir) {

  /** SIGKILL's number: the kernel's OOM killer sends it, and so can a person. */
  public static final int SIGKILL = 9;

  public Evidence(
      Observation observation, Integer exitCode, Integer signal, boolean pipelineFailed, String statedError,
      boolean qualityBelowThreshold, String stderrTail, String stdoutTail) {
    this(observation, exitCode, signal, pipelineFailed, statedError, qualityBelowThreshold, stderrTail, stdoutTail,
        null);
  }

  /** What a saved failure shows: how the child exited (a signal inferred from codes 129 to 192) and its text. */
  public static Evidence ofExit(Integer exitCode, String stderr, String stdout) {
    Integer signal = exitCode != null && exitCode > 128 && exitCode <= 192 ? exitCode - 128 : null;
    return new Evidence(Observation.EXITED, exitCode, signal, false, null, false, stderr, stdout);
  }

  /** What the bridge itself saw happen, which decides before any text is read. */
  public enum Observation {
    EXITED,
    DEADLINE_FIRED,
    CANCELLED_BY_USER,
    MEMORY_LIMIT_HIT,
    BUDGET_LIMIT_HIT,
    STALL_DETECTED,
    LAUNCH_FAILED
  }

  /** True when the child ran and failed: a non-zero exit, or a result that says so (or is missing). */
  boolean failed() {
    return exitCode == null || exitCode != 0 || pipelineFailed;
  }
}
