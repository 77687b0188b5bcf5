package prodbridge.batch;

import java.time.Instant;
import prodbridge.classify.ErrorType;
import prodbridge.runs.RunView;

/**
 * The record of a job whose supervisor ended without writing one (killed, out of memory, crashed): its run's result
 * when the run got that far, else LOST, after whatever was left of its tree has been ended.
 */
final class LostJob {
  private LostJob() {}

  static JobRecord record(Worker w, Instant now, boolean cancelling) {
    RunView view = w.look();
    if (view.result() != null) {
      return JobRun.record(w.job, view.result(), w.started, now);
    }
    String message = "the job's supervisor ended (exit " + w.exitCode() + ") before its run started; see "
        + "logs/" + w.job.jobId() + ".log in the batch directory";
    ErrorType type = cancelling ? ErrorType.CANCELLED : ErrorType.UNKNOWN_ERROR;
    return new JobRecord(w.job.jobId(), w.job.seq(), w.job.topic(), w.job.command(), w.job.episodeId(), w.runId,
        cancelling ? JobStatus.CANCELLED : JobStatus.LOST, type.name(), type.exitCode(), null, null, null,
        type.hint(), message, w.started.toString(), now.toString(),
        (now.toEpochMilli() - w.started.toEpochMilli()) / 1000.0, Host.name(), 0, null);
  }
}
