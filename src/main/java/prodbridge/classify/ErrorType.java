package prodbridge.classify;

/**
 * The error classes of a failed run, each with the bridge's exit code for it, whether a retry may
 * help (the default of a profile's {@code retry.on}), and the hint a user sees when no rule gives a
 * more precise one. {@code {apikey}} and {@code {provider}} in a hint are filled from the failure's
 * text.
 */
public enum ErrorType {
  UNKNOWN_ERROR(
      23,
      false,
      "The run failed without printing anything or exiting with a known code; read its logs (paths in the result),"
          + " then run it again."),
  EXECUTION_ERROR(
      10,
      false,
      "The pipeline failed in a way no rule recognises; read the line in error_message and the stderr tail (full logs"
          + " in the result), fix the cause, or add an error_rules entry so it gets its own class next time."),
  QUALITY_BELOW_THRESHOLD(
      16,
      false,
      "The episode was produced but scored under the threshold; its files are kept. Lower the bar with"
          + " --quality-threshold or produce it again."),
  CONFIG_ERROR(
      22,
      false,
      "The pipeline rejected how it was invoked or its settings; compare the profile's argv (--dry-run) with the"
          + " pipeline's usage and fix the config."),
  DEPENDENCY_ERROR(
      21,
      false,
      "Something the pipeline needs is not installed; install the module or program the message names in"
          + " the pipeline's environment, then run again."),
  NETWORK_ERROR(
      20,
      true,
      "A network call failed (connection, DNS, TLS, a request timeout or a provider's 5xx); the bridge retries it,"
          + " and if it keeps failing check the machine's connection and the {provider} status page."),
  RATE_LIMITED(
      19,
      true,
      "The {provider} API is rate limiting or overloaded; the bridge retries it with backoff, and if it keeps"
          + " failing wait a few minutes or allow more attempts with --max-attempts."),
  API_AUTH_ERROR(
      18,
      false,
      "Set {apikey} to a valid key in the environment the bridge runs in, then run again."),
  QUOTA_EXHAUSTED(
      17,
      false,
      "The {provider} account is out of credits or quota; top it up or raise its limit, then run again (retrying"
          + " cannot help)."),
  STALLED(
      15,
      true,
      "The pipeline stopped showing signs of life; raise --stall-timeout if it was busy."),
  TIMEOUT_ERROR(
      11, true, "The run hit its deadline; raise it with --timeout (for example --timeout 45m)."),
  MEMORY_ERROR(
      13,
      false,
      "The run ran out of memory: raise --memory-limit if it was the bridge's limit; an unexplained SIGKILL is"
          + " usually the kernel's OOM killer, so free memory on the machine."),
  BUDGET_EXCEEDED(
      14,
      false,
      "The run reached its cost budget; raise it with --budget if the spend is expected."),
  CANCELLED(
      12, false, "The run was stopped by a user or a signal; start it again when you want it."),
  DISK_FULL(
      24,
      false,
      "A write failed for lack of space. {disk}; free space where the write failed (old episodes, run logs,"
          + " caches) or point output_root / runs_root at a larger file system, then run again.");

  private final int exitCode;
  private final boolean retryable;
  private final String hint;

  ErrorType(int exitCode, boolean retryable, String hint) {
    this.exitCode = exitCode;
    this.retryable = retryable;
    this.hint = hint;
  }

  /**
   * The bridge's exit code for a run that ended with this class (0 is success, 2 a usage error):
   * results, batch journals and classify's JSON record it, and the CLI's exit code for the class is
   * this number.
   */
  public int exitCode() {
    return exitCode;
  }

  /**
   * Whether a retry is likely to help; profiles retry exactly these classes unless they list their
   * own.
   */
  public boolean retryableByDefault() {
    return retryable;
  }

  public String hint() {
    return hint;
  }
}
