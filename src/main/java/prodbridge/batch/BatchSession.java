package prodbridge.batch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import prodbridge.config.UsageException;
import prodbridge.runs.ResultJson;
import prodbridge.runs.RunFiles;

/**
 * One session of a batch: holds the batch directory's coordinator lock (a second coordinator of the same batch is a
 * usage error), writes the manifest and {@code coordinator.json}, runs the jobs with the chosen executor, and at the
 * end records how the session ended and writes {@code summary.json}. {@link #cancel()} may be called from a signal
 * handler.
 */
public final class BatchSession implements AutoCloseable {
  private final BatchPlan plan;
  private final FileChannel lockChannel;
  private final BatchEvents events;
  private Coordinator coordinator;
  private volatile LocalBatch local;
  private volatile SlurmBatch slurm;
  private volatile boolean cancelRequested;

  private BatchSession(BatchPlan plan, FileChannel lockChannel) {
    this.plan = plan;
    this.lockChannel = lockChannel;
    this.events = new BatchEvents(plan.dir());
  }

  public static BatchSession open(BatchPlan plan) throws IOException {
    BatchDir dir = plan.dir();
    RunFiles.createPrivateDirectories(dir.path());
    RunFiles.createPrivateDirectories(dir.runs());
    java.nio.file.Path lockFile = dir.path().resolve("coordinator.lock");
    RunFiles.createPrivateFile(lockFile);
    FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE);
    FileLock lock = ch.tryLock();
    if (lock == null) {
      ch.close();
      Coordinator c = Coordinator.read(dir);
      throw new UsageException("batch " + dir.path() + " is being run now"
          + (c == null ? "" : " by process " + c.pid() + " on " + c.host()) + "; follow it with batch-status");
    }
    RunFiles.writeAtomically(dir.manifest(), ResultJson.write(plan.manifest()));
    BatchSession session = new BatchSession(plan, ch);
    session.coordinator = Coordinator.now(plan.manifest().executor());
    session.coordinator.write(dir);
    session.events.write("session", Map.of("jobs_to_run", plan.toRun().size(), "already_done", plan.alreadyDone(),
        "executor", plan.manifest().executor()));
    return session;
  }

  /**
   * Runs the session's jobs here, all supervised by this process; {@code bridge} starts this program again (for the
   * batch's keeper), {@code env} is what the jobs are planned with.
   */
  public BatchSummary runLocal(List<String> bridge, LongSupplier availableMemory, Map<String, String> env,
      BatchProgress.Listener progress) throws IOException, InterruptedException {
    local = new LocalBatch(plan.dir(), plan.manifest(), bridge, availableMemory, env);
    if (cancelRequested) {
      local.cancel();
    }
    local.run(plan.toRun(), progress);
    return finish(local.cancelled());
  }

  /** Submits the session's jobs as one Slurm job array and follows it until no task is left in the queue. */
  public BatchSummary runSlurm(SlurmCli cli, List<String> bridge, BatchProgress.Listener progress)
      throws IOException, InterruptedException {
    slurm = new SlurmBatch(plan, cli, bridge);
    if (plan.toRun().isEmpty()) {
      return finish(false);
    }
    String jobId = slurm.submit();
    coordinator = coordinator.withSlurmJob(jobId);
    coordinator.write(plan.dir());
    events.write("submitted", Map.of("slurm_job_id", jobId, "tasks", plan.toRun().size()));
    if (cancelRequested) {
      slurm.cancel();
    }
    slurm.follow(progress);
    return finish(slurm.cancelled());
  }

  public void cancel() {
    cancelRequested = true;
    LocalBatch l = local;
    if (l != null) {
      l.cancel();
    }
    SlurmBatch s = slurm;
    if (s != null) {
      s.cancel();
    }
  }

  private BatchSummary finish(boolean cancelled) throws IOException {
    coordinator = coordinator.ended(cancelled ? "cancelled" : "finished");
    coordinator.write(plan.dir());
    BatchSummary summary = BatchReport.of(plan.dir(), plan.manifest());
    RunFiles.writeAtomically(plan.dir().summary(), ResultJson.write(summary));
    events.write("session_end", Map.of("state", summary.state(), "total_cost", summary.totalCost()));
    return summary;
  }

  @Override
  public void close() throws IOException {
    lockChannel.close();
  }
}
