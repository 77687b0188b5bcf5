package prodbridge.batch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import prodbridge.monitor.ProgressListener;
import prodbridge.runs.RunDir;
import prodbridge.runs.RunExecution;
import prodbridge.runs.RunState;
import prodbridge.runs.RunStore;

/**
 * One job of a local batch, supervised inside the coordinator on a thread of its own: the same run
 * as a foreground one (its own session and marker, run directory, state, result and classification,
 * retries), with the batch's marker added to its child's environment so the batch's keeper finds it
 * if the coordinator dies.
 */
final class LocalJob {
  static final String BATCH_VARIABLE = "PROD_BRIDGE_BATCH";
  private static final Logger log = LoggerFactory.getLogger(LocalJob.class);

  final BatchJob job;
  final String runId;
  final Instant started;
  private final RunExecution execution;
  private final Path runDir;
  private final Thread thread;
  private volatile JobRecord record;

  private LocalJob(
      BatchDir dir, BatchManifest manifest, BatchJob job, String runId, Map<String, String> env) {
    this.job = job;
    this.runId = runId;
    this.started = Instant.now();
    this.execution =
        new RunExecution(
                JobRun.plan(dir, manifest, job, runId, env)
                    .withVariable(BATCH_VARIABLE, dir.path().toString()),
                ProgressListener.NONE,
                true)
            .recordingChildExit();
    this.runDir = dir.run(runId).path();
    this.thread = new Thread(this::supervise, "prod-bridge-job-" + job.jobId());
    thread.setDaemon(true);
  }

  static LocalJob start(
      BatchDir dir, BatchManifest manifest, BatchJob job, String runId, Map<String, String> env) {
    LocalJob j = new LocalJob(dir, manifest, job, runId, env);
    j.thread.start();
    return j;
  }

  private void supervise() {
    try {
      record = JobRun.record(job, execution.execute(), started, Instant.now());
    } catch (Exception | Error e) {
      log.error("job {} ({}) could not be supervised: {}", job.jobId(), runId, e.toString());
      record = LostJob.record(this, Instant.now(), e.toString());
    }
  }

  boolean alive() {
    return thread.isAlive();
  }

  /** The job's record once it has ended (null before). */
  JobRecord record() {
    return record;
  }

  /**
   * Ends the run's tree (SIGTERM, grace, SIGKILL) and makes it CANCELLED; a second call hurries.
   */
  void cancel() {
    execution.cancel();
  }

  /** The run's live state, once it has written one. */
  Optional<RunState> state() {
    return Optional.ofNullable(RunStore.read(new RunDir(runDir).state(), RunState.class));
  }

  /**
   * What is on disk of the run (a run left running with nobody supervising it is ended as lost).
   */
  prodbridge.runs.RunView look() {
    return new RunStore(runDir.getParent()).look(runDir);
  }
}
