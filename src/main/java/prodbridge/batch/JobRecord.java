package prodbridge.batch;

import java.time.Instant;
import prodbridge.classify.ErrorType;

/**
 * One line of a batch's journal: how one run of one job ended. {@code exitCode} is the bridge's
 * exit code for that run (0, or its error type's, 10 to 24); {@code signal} the child's death
 * signal, if any; {@code outputBytes} what the run's child wrote to stdout and stderr; {@code
 * skipReason} says why a SKIPPED job was not started. Times are instants, ISO-8601 text in the
 * journal. Built with {@link #of(BatchJob)}, never by position.
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
    Instant startedAt,
    Instant endedAt,
    double runtimeSeconds,
    String host,
    long outputBytes,
    String skipReason) {

  /**
   * A record of {@code job} to fill in: its identity is the job's, the rest is null, zero or unset.
   */
  static Builder of(BatchJob job) {
    return new Builder(job);
  }

  static JobRecord skipped(BatchJob job, String reason, Instant now, String host) {
    return of(job)
        .status(JobStatus.SKIPPED)
        .message("not started: " + reason)
        .span(now, now)
        .host(host)
        .skipReason(reason)
        .build();
  }

  double costOrZero() {
    return cost == null ? 0 : cost;
  }

  /**
   * A failure of a run started at or after {@code sessionStart}, so counted against the session's
   * failure limit.
   */
  boolean failedSince(Instant sessionStart) {
    return status.failed() && !startedAt.isBefore(sessionStart);
  }

  /** Fills in a {@link JobRecord} field by field. */
  static final class Builder {
    private final BatchJob job;
    private String runId;
    private JobStatus status;
    private String errorType;
    private Integer exitCode;
    private String signal;
    private Double cost;
    private Double qualityScore;
    private String hint;
    private String message;
    private Instant startedAt;
    private Instant endedAt;
    private double runtimeSeconds;
    private String host;
    private long outputBytes;
    private String skipReason;

    private Builder(BatchJob job) {
      this.job = job;
    }

    Builder runId(String v) {
      runId = v;
      return this;
    }

    Builder status(JobStatus v) {
      status = v;
      return this;
    }

    /** The error type and the bridge's exit code for it. */
    Builder error(ErrorType type) {
      errorType = type.name();
      exitCode = type.exitCode();
      return this;
    }

    Builder exitCode(Integer v) {
      exitCode = v;
      return this;
    }

    Builder errorType(String v) {
      errorType = v;
      return this;
    }

    Builder signal(String v) {
      signal = v;
      return this;
    }

    Builder cost(Double v) {
      cost = v;
      return this;
    }

    Builder qualityScore(Double v) {
      qualityScore = v;
      return this;
    }

    Builder hint(String v) {
      hint = v;
      return this;
    }

    Builder message(String v) {
      message = v;
      return this;
    }

    /** When the run started and ended, and the time between as its run time. */
    Builder span(Instant started, Instant ended) {
      startedAt = started;
      endedAt = ended;
      runtimeSeconds = (ended.toEpochMilli() - started.toEpochMilli()) / 1000.0;
      return this;
    }

    Builder runtimeSeconds(double v) {
      runtimeSeconds = v;
      return this;
    }

    Builder host(String v) {
      host = v;
      return this;
    }

    Builder outputBytes(long v) {
      outputBytes = v;
      return this;
    }

    Builder skipReason(String v) {
      skipReason = v;
      return this;
    }

    JobRecord build() {
      return new JobRecord(
          job.jobId(),
          job.seq(),
          job.topic(),
          job.command(),
          job.episodeId(),
          runId,
          status,
          errorType,
          exitCode,
          signal,
          cost,
          qualityScore,
          hint,
          message,
          startedAt,
          endedAt,
          runtimeSeconds,
          host,
          outputBytes,
          skipReason);
    }
  }
}
