package prodbridge.batch;

/**
 * One line of a batch's journal: how one run of one job ended. {@code exitCode} is the bridge's exit code for that
 * run (0, or 10–23 by error type); {@code signal} the child's death signal, if any; {@code outputBytes} what the
 * run's child wrote to stdout and stderr; {@code skipReason} says why a SKIPPED job was not started. Times are
 * ISO-8601 instants.
 */
public record JobRecord(
    String jobId,
    int seq,
    String topic,
    String command,
    String episodeId,
    String runId,
    JobStatus status,
    String errorType,
    Integer exitCode,
    String signal,
    Double cost,
    Double qualityScore,
    String hint,
    String message,
    String startedAt,
    String endedAt,
    double runtimeSeconds,
    String host,
    long outputBytes,
    String skipReason) {

  static JobRecord skipped(BatchJob job, String reason, String now, String host) {
    return new JobRecord(job.jobId(), job.seq(), job.topic(), job.command(), job.episodeId(), null,
        JobStatus.SKIPPED, null, null, null, null, null, null, "not started: " + reason, now, now, 0, host, 0, reason);
  }

  double costOrZero() {
    return cost == null ? 0 : cost;
  }
}
