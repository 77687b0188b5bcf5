package prodbridge.batch;

import java.time.Instant;
import java.util.List;

/**
 * The coordinator's running account of a batch: what every recorded run cost (earlier sessions
 * included, since the total budget covers the whole batch), and this session's successes, failures
 * and run times for the progress bar.
 */
final class BatchLedger {
  private final Instant sessionStart;
  private double spent;
  private int succeeded;
  private int failed;
  private int skipped;
  private int sessionFailures;
  private double runSeconds;
  private int runs;

  BatchLedger(List<JobRecord> earlier, Instant sessionStart) {
    this.sessionStart = sessionStart;
    earlier.forEach(r -> spent += r.costOrZero());
  }

  void add(JobRecord r) {
    spent += r.costOrZero();
    if (r.status() == JobStatus.SUCCESS) {
      succeeded++;
    } else if (r.status().failed()) {
      failed++;
    } else {
      skipped++;
    }
    if (r.failedSince(sessionStart)) {
      sessionFailures++;
    }
    if (r.status() != JobStatus.SKIPPED) {
      runSeconds += r.runtimeSeconds();
      runs++;
    }
  }

  double spent() {
    return spent;
  }

  int sessionFailures() {
    return sessionFailures;
  }

  BatchProgress progress(
      int jobs,
      int running,
      int waiting,
      double inFlightCost,
      Double totalBudget,
      double elapsedSeconds,
      int parallel,
      String heldBack) {
    Long eta = null;
    if (runs > 0) {
      double perJob = runSeconds / runs;
      eta = Math.round(Math.ceil((double) (waiting + running) / parallel) * perJob);
    }
    return new BatchProgress(
        jobs,
        succeeded,
        failed,
        skipped,
        running,
        waiting,
        spent + inFlightCost,
        totalBudget,
        eta,
        heldBack);
  }
}
