package prodbridge.classify;

/**
 * The error classes of a failed run, each with the bridge's exit code for it, whether a retry may help, and the
 * hint a user sees. Declaration order is severity: when two pieces of evidence disagree, the later one wins.
 */
public enum ErrorType {
  UNKNOWN_ERROR(23, false, "The run failed without any evidence of why; look at its logs."),
  EXECUTION_ERROR(10, false, "The pipeline failed; the stderr tail and the run's logs say where."),
  QUALITY_BELOW_THRESHOLD(
      16, false,
      "The episode was produced but scored under the threshold; its files are kept. Lower the bar with"
          + " --quality-threshold or produce it again."),
  CONFIG_ERROR(22, false, "The pipeline was invoked wrongly; check the profile's argv with --dry-run."),
  DEPENDENCY_ERROR(21, false, "Something the pipeline needs is missing; install it and run again."),
  NETWORK_ERROR(20, true, "A network call failed; check the connection and run again."),
  RATE_LIMITED(19, true, "The provider is rate limiting; wait a minute and run again."),
  API_AUTH_ERROR(18, false, "An API key is missing or invalid; set the provider's *_API_KEY variable."),
  QUOTA_EXHAUSTED(17, false, "The provider account is out of credits or quota; top it up, then run again."),
  STALLED(15, true, "The pipeline stopped showing signs of life; raise --stall-timeout if it was busy."),
  TIMEOUT_ERROR(11, true, "The run hit its deadline; raise it with --timeout (for example --timeout 45m)."),
  MEMORY_ERROR(
      13, false,
      "The run ran out of memory: raise --memory-limit if it was the bridge's limit; an unexplained SIGKILL is"
          + " usually the kernel's OOM killer, so free memory on the machine."),
  BUDGET_EXCEEDED(14, false, "The run hit its cost budget; raise it with --budget if the spend is expected."),
  CANCELLED(12, false, "The run was cancelled; start it again when you want it.");

  private final int exitCode;
  private final boolean retryable;
  private final String hint;

  ErrorType(int exitCode, boolean retryable, String hint) {
    this.exitCode = exitCode;
    this.retryable = retryable;
    this.hint = hint;
  }

  /** The bridge's process exit code for a run that ended with this class (0 is success, 2 a usage error). */
  public int exitCode() {
    return exitCode;
  }

  public boolean retryable() {
    return retryable;
  }

  public String hint() {
    return hint;
  }
}
