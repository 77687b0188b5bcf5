package prodbridge.batch;

/**
 * Where a batch stands: jobs in this session, how many succeeded, failed (error or lost), were
 * skipped or cancelled (not failures: they never ran to an end of their own), are running, and
 * still wait; the batch's cost so far (finished runs plus what running ones have spent) against its
 * total budget (null: none); an ETA in seconds (null until a job has finished); and what holds the
 * next job back.
 */
public record BatchProgress(
    int jobs,
    int succeeded,
    int failed,
    int skipped,
    int running,
    int waiting,
    double cost,
    Double totalBudget,
    Long etaSeconds,
    String heldBack) {

  public int done() {
    return succeeded + failed + skipped;
  }

  /** Receives progress; called from the coordinator's thread a few times a second. */
  public interface Listener {
    Listener NONE = p -> {};

    void update(BatchProgress progress);
  }
}
