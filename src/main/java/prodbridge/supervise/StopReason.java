package prodbridge.supervise;

/** Why the supervised child stopped running: on its own, or because the bridge ended it. */
public enum StopReason {
  /** The main child exited by itself (any exit code or signal the bridge did not send). */
  EXITED,
  /** The run's deadline passed and the bridge ended the tree. */
  DEADLINE,
  /** The user cancelled (Ctrl-C, SIGTERM or SIGHUP to the bridge) and the bridge ended the tree. */
  CANCELLED,
  /** The tree's memory crossed the run's limit and the bridge ended the tree. */
  MEMORY_LIMIT,
  /** The cumulative cost crossed the run's budget and the bridge ended the tree. */
  BUDGET_EXCEEDED,
  /** The child showed no sign of life for the stall timeout and the bridge ended the tree. */
  STALLED,
  /** The run's store could not be written (a full or read-only file system) and the bridge ended the tree. */
  STORE_FAILED,
  /** The child could not be started at all. */
  LAUNCH_FAILED;

  /** True when the bridge itself sent the signals that ended the child. */
  public boolean endedByBridge() {
    return this != EXITED && this != LAUNCH_FAILED;
  }
}
