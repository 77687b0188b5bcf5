package prodbridge.runs;

/** What is known of a run on disk: its state (null before the first write) and its result once it has ended. */
public record RunView(String runId, RunState state, RunResult result) {
  public boolean ended() {
    return result != null;
  }
}
