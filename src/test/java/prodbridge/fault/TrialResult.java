package prodbridge.fault;

/**
 * What one trial found: processes of its runs still alive grace + 1 s after their supervisor ended
 * ({@code survivors}), runs whose child exited 0 with its result but were recorded otherwise
 * ({@code lostResults}), runs left {@code running} with no live supervisor ({@code stuckStates}),
 * and any other broken promise ({@code problem}: a stack trace, no JSON, a wrong class), or null.
 */
record TrialResult(
    FaultKind kind, long seed, int survivors, int lostResults, int stuckStates, String problem) {
  boolean passed() {
    return survivors == 0 && lostResults == 0 && stuckStates == 0 && problem == null;
  }
}
