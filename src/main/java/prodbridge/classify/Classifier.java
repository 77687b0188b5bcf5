package prodbridge.classify;

import java.util.Optional;

/**
 * Decides a run's error class from evidence, the bridge's own observations first: its deadline, a cancel, its
 * limits, then a SIGKILL it did not send, then the exit and the pipeline's result. Empty means success.
 * Text rules over stderr and the stdout tail come with the rules file; until then a failure without an
 * observation of the bridge's is an EXECUTION_ERROR.
 */
public final class Classifier {

  public Optional<ErrorType> classify(Evidence e) {
    return Optional.ofNullable(switch (e.observation()) {
      case DEADLINE_FIRED -> ErrorType.TIMEOUT_ERROR;
      case CANCELLED_BY_USER -> ErrorType.CANCELLED;
      case MEMORY_LIMIT_HIT -> ErrorType.MEMORY_ERROR;
      case BUDGET_LIMIT_HIT -> ErrorType.BUDGET_EXCEEDED;
      case STALL_DETECTED -> ErrorType.STALLED;
      case LAUNCH_FAILED -> ErrorType.EXECUTION_ERROR;
      case EXITED -> exited(e);
    });
  }

  private static ErrorType exited(Evidence e) {
    if (e.signal() != null && e.signal() == Evidence.SIGKILL) {
      return ErrorType.MEMORY_ERROR;
    }
    if (e.exitCode() == null || e.exitCode() != 0 || e.pipelineFailed()) {
      return ErrorType.EXECUTION_ERROR;
    }
    return e.qualityBelowThreshold() ? ErrorType.QUALITY_BELOW_THRESHOLD : null;
  }
}
