package prodbridge.batch;

import java.util.List;

/**
 * A batch resolved and checked, before anything is written: its directory and manifest, the jobs
 * this session will run (in file order), and how many are already done (succeeded, or failed when
 * failures are not retried).
 */
public record BatchPlan(
    BatchDir dir, BatchManifest manifest, List<BatchJob> toRun, int alreadyDone) {
  public BatchPlan {
    toRun = List.copyOf(toRun);
  }

  /** The most this session can spend: every job to run at its full budget. */
  public double worstCaseCost() {
    return toRun.stream().mapToDouble(BatchJob::budget).sum();
  }
}
