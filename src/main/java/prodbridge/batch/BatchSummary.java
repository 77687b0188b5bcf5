package prodbridge.batch;

import java.util.List;
import java.util.Map;

/**
 * A batch at a glance, as {@code batch}, {@code batch-status} and {@code summary.json} give it: its
 * state (running, finished, cancelled, interrupted), jobs counted by status (success, error, lost,
 * cancelled, skipped, running, pending) and failures by error type, what it cost in all against its
 * total budget, the latest session's wall time, the failed and skipped jobs with their hints (the
 * first {@link #MAX_LISTED}; the rest are counted), where its report page and its main chart are
 * ({@code report}, {@code reportChart}: null until a session has ended with one written), and the
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
    String report,
    String reportChart,
    String resume) {

  public static final int MAX_LISTED = 10;

  /**
   * A job that has not succeeded: failed, cancelled or skipped, with its topic, error type, the
   * error message's deciding line (or why it was skipped), the hint, and its run (id and directory;
   * null when it never started).
   */
  public record NotDone(
      String jobId,
      int seq,
      int line,
      String topic,
      String status,
      String errorType,
      String message,
      String hint,
      String runId,
      String runDir) {}

  /** The same summary naming its report page and the PNG of its main chart. */
  public BatchSummary withReport(String page, String chart) {
    return new BatchSummary(
        batchDir,
        state,
        executor,
        slurmJobId,
        jobs,
        counts,
        byErrorType,
        totalCost,
        totalBudget,
        wallTimeSeconds,
        notDone,
        notDoneOmitted,
        journal,
        joblog,
        page,
        chart,
        resume);
  }

  public boolean allSucceeded() {
    return counts.getOrDefault("success", 0) == jobs;
  }
}
