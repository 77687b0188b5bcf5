package prodbridge.report;

/**
 * One job of a batch as its report shows it. Times are seconds since the batch's first recorded
 * moment; {@code start} and {@code end} are null for a job not started yet, {@code waitFrom} is
 * null when it never waited (else it waited from then until {@code start}, or until it was skipped,
 * for {@code waitReason}: budget or memory). {@code peakMemoryMb} and {@code memoryLimitMb} are
 * null when unknown or unlimited; {@code runDir} is null for a job that never ran.
 */
record JobRow(
    int seq,
    String jobId,
    String topic,
    String status,
    String errorType,
    String hint,
    Double cost,
    double budget,
    Double quality,
    Double start,
    Double end,
    Double waitFrom,
    String waitReason,
    Double peakMemoryMb,
    Long memoryLimitMb,
    String runDir) {

  /** Seconds from start to end; null when the job has not run. */
  Double duration() {
    return start == null || end == null ? null : end - start;
  }

  /** When its wait ended: at its start, or when it was recorded without starting (skipped). */
  Double waitTo() {
    return start != null ? start : end;
  }

  String label() {
    return seq + " " + jobId;
  }
}
