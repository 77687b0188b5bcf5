package prodbridge.classify;

import java.util.Optional;

/**
 * Decides a run's error class from evidence, the bridge's own observations first. Empty means success.
 * Text rules over stderr and the stdout tail come with the rules file; until then a failure without an
 * observation of the bridge's is an EXECUTION_ERROR.
 */
public final class Classifier {

  public Optional<ErrorType> classify(Evidence e) {
    switch (e.observation()) {
      case DEADLINE_FIRED:
        return Optional.of(ErrorType.TIMEOUT_ERROR);
      case CANCELLED_BY_USER:
        return Optional.of(ErrorType.CANCELLED);
      case LAUNCH_FAILED:
        return Optional.of(ErrorType.EXECUTION_ERROR);
      case EXITED:
      default:
        boolean failed = e.exitCode() == null || e.exitCode() != 0 || e.pipelineFailed();
        return failed ? Optional.of(ErrorType.EXECUTION_ERROR) : Optional.empty();
    }
  }
}
