package prodbridge.classify;

/**
 * What is known about a finished run, in the classifier's own terms. {@code exitCode} is null when the child
 * never started; {@code pipelineFailed} is true when the pipeline's own result said it failed.
 */
public record Evidence(
    Observation observation, Integer exitCode, boolean pipelineFailed, String stderrTail, String stdoutTail) {

  /** What the bridge itself saw happen, which decides before any text is read. */
  public enum Observation {
    EXITED,
    DEADLINE_FIRED,
    CANCELLED_BY_USER,
    LAUNCH_FAILED
  }
}
