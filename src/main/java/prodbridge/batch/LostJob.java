package prodbridge.batch;

import java.time.Instant;
import prodbridge.classify.ErrorType;
import prodbridge.runs.RunView;

/**
 * The record of a job whose supervision failed without a record (the bridge could not write its
 * run, a bug): its run's result when the run got that far, else LOST, after whatever was left of
 * its tree has been ended.
 */
final class LostJob {
  private LostJob() {}

  static JobRecord record(LocalJob j, Instant now, String why) {
    RunView view = j.look();
    if (view.result() != null) {
      return JobRun.record(j.job, view.result(), j.started, now);
    }
    ErrorType type = ErrorType.UNKNOWN_ERROR;
    return JobRecord.of(j.job)
        .runId(j.runId)
        .status(JobStatus.LOST)
        .error(type)
        .hint(type.hint())
        .message("the job's supervision failed before its run ended: " + why)
        .span(j.started, now)
        .host(Host.name())
        .build();
  }
}
