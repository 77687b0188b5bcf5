package prodbridge.classify;

/**
 * What is known about a finished run, in the classifier's own terms. {@code exitCode} is null when the child
 * never started; {@code signal} is the signal that ended it, if any; {@code pipelineFailed} is true when the
 * pipeline's own result said it failed, or a result was expected and none came; {@code statedError} is what the
 * pipeline's result or the launch said went wrong (may be null); {@code qualityBelowThreshold} when its score is
 * under the run's bar.
 */
public record Evidence(
    Observation observation, Integer exitCode, Integer signal, boolean pipelineFailed, String statedError,
    boolean qualityBelowThreshold, String stderrTail, String stdoutTail) {

  /** SIGKILL's number: the kernel's OOM killer sends it, and so can a person. */
  public static final int SIGKILL = 9;

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
