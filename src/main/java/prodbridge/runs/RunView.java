package prodbridge.runs;

/**
 * What is known of a run on disk: its state (null before the first write) and its result once it
 * has ended. {@code alert} is non-null when the run needs someone's attention although it has not
 * ended: its supervisor has stopped beating ({@code unresponsive}), or its state cannot be read
 * ({@code unreadable}).
 */
public record RunView(String runId, RunState state, RunResult result, Alert alert) {
  public RunView(String runId, RunState state, RunResult result) {
    this(runId, state, result, null);
  }

  public boolean ended() {
    return result != null;
  }

  /** A status word other than the state's own, what is wrong, and what to do about it. */
  public record Alert(String status, String message, String hint) {}
}
