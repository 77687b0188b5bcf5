package prodbridge.batch;

import java.util.List;
import java.util.Map;

/**
 * A batch at a glance, as {@code batch}, {@code batch-status} and {@code summary.json} give it: its state (running,
 * finished, cancelled, interrupted), jobs counted by status (success, error, lost, cancelled, skipped, running,
 * pending) and failures by error type, what it cost in all against its total budget, the latest session's wall
 * time, the failed and skipped jobs with their hints (the first {@link #MAX_LISTED}; the rest are counted), and the
 * command that resumes it. Small enough for Claude to read: under 8 KB.
 */
public record BatchSummary(
    String batchDir,
    String state,
    String executor,
    String slurmJobId,
    int jobs,
    Map<String, Integer> counts,
    Map<String, Integer> byErrorType,
    double totalCost,
    Double totalBudget,
    Double wallTimeSeconds,
    List<NotDone> notDone,
    int notDoneOmitted,
    String journal,
    String joblog,
    String resume) {

  public static final int MAX_LISTED = 10;

  /** A job that has not succeeded: failed, cancelled or skipped, with its error type, hint and run directory. */
  public record NotDone(
      String jobId, int seq, int line, String topic, String status, String errorType, String hint, String runDir) {}

  public boolean allSucceeded() {
    return counts.getOrDefault("success", 0) == jobs;
  }
}
