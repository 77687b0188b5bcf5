package prodbridge.cli;

import prodbridge.classify.ErrorType;
import prodbridge.runs.StoreFailure;

/**
 * Every exit code the bridge returns, by name (the README's exit code table lists the same). An
 * error class's code is its {@link ErrorType#exitCode()}, because results, batch journals and
 * classify's JSON record that number too; {@link #of(ErrorType)} is the one place that turns a
 * class into the process's exit code.
 */
enum ExitCode {
  OK(0),
  INTERNAL(1),
  USAGE(2),
  NOT_ALL_SUCCEEDED(3),
  STORE(4),
  EXECUTION_ERROR(ErrorType.EXECUTION_ERROR),
  TIMEOUT_ERROR(ErrorType.TIMEOUT_ERROR),
  CANCELLED(ErrorType.CANCELLED),
  MEMORY_ERROR(ErrorType.MEMORY_ERROR),
  BUDGET_EXCEEDED(ErrorType.BUDGET_EXCEEDED),
  STALLED(ErrorType.STALLED),
  QUALITY_BELOW_THRESHOLD(ErrorType.QUALITY_BELOW_THRESHOLD),
  QUOTA_EXHAUSTED(ErrorType.QUOTA_EXHAUSTED),
  API_AUTH_ERROR(ErrorType.API_AUTH_ERROR),
  RATE_LIMITED(ErrorType.RATE_LIMITED),
  NETWORK_ERROR(ErrorType.NETWORK_ERROR),
  DEPENDENCY_ERROR(ErrorType.DEPENDENCY_ERROR),
  CONFIG_ERROR(ErrorType.CONFIG_ERROR),
  UNKNOWN_ERROR(ErrorType.UNKNOWN_ERROR),
  DISK_FULL(ErrorType.DISK_FULL);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  ExitCode(ErrorType type) {
    this(type.exitCode());
  }

  /** The number the process exits with. */
  int code() {
    return code;
  }

  /**
   * The exit code of a run that ended with {@code type}; exhaustive, so a new class does not
   * compile without one.
   */
  static ExitCode of(ErrorType type) {
    return switch (type) {
      case EXECUTION_ERROR -> EXECUTION_ERROR;
      case TIMEOUT_ERROR -> TIMEOUT_ERROR;
      case CANCELLED -> CANCELLED;
      case MEMORY_ERROR -> MEMORY_ERROR;
      case BUDGET_EXCEEDED -> BUDGET_EXCEEDED;
      case STALLED -> STALLED;
      case QUALITY_BELOW_THRESHOLD -> QUALITY_BELOW_THRESHOLD;
      case QUOTA_EXHAUSTED -> QUOTA_EXHAUSTED;
      case API_AUTH_ERROR -> API_AUTH_ERROR;
      case RATE_LIMITED -> RATE_LIMITED;
      case NETWORK_ERROR -> NETWORK_ERROR;
      case DEPENDENCY_ERROR -> DEPENDENCY_ERROR;
      case CONFIG_ERROR -> CONFIG_ERROR;
      case UNKNOWN_ERROR -> UNKNOWN_ERROR;
      case DISK_FULL -> DISK_FULL;
    };
  }

  /**
   * The exit code for a run store that cannot be used: DISK_FULL when its file system is full, else
   * STORE.
   */
  static ExitCode of(StoreFailure f) {
    return f.diskFull() ? DISK_FULL : STORE;
  }
}
