package prodbridge.supervise;

/**
 * Why the supervised child stopped running: on its own, or because the bridge ended it. The one
 * name for this idea from the supervisor and the monitor's limits (a {@code Violation} carries one)
 * through the classifier's {@code Evidence} to the single switch in {@code Classifier} that maps it
 * to an error class. A new limit is one constant here and one arm there (plus the limit itself).
 */
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
  /**
   * The run's store could not be written (a full or read-only file system) and the bridge ended the
   * tree.
   */
  STORE_FAILED,
  /** The child could not be started at all. */
  LAUNCH_FAILED;

  /**
   * The name written in {@code events.jsonl} as the run's final state and in a classification's
   * rule.
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** True when the bridge itself sent the signals that ended the child. */
  public boolean endedByBridge() {
    return this != EXITED && this != LAUNCH_FAILED;
  }
}
