package prodbridge.batch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import prodbridge.config.UsageException;
import prodbridge.runs.ResultJson;
import prodbridge.runs.RunFiles;

/**
 * One session of a batch: holds the batch directory's coordinator lock (a second coordinator of the
 * same batch is a usage error), writes the manifest and {@code coordinator.json}, runs the jobs
 * with its {@link BatchExecutor}, and at the end records how the session ended and writes {@code
 * summary.json}. {@link #cancel()} may be called from a signal handler.
 */
public final class BatchSession implements AutoCloseable {
  private final BatchPlan plan;
  private final FileChannel lockChannel;
  private final BatchEvents events;
  private Coordinator coordinator;
  private volatile BatchExecutor executor;
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
      throw new UsageException(
          "batch "
              + dir.path()
              + " is being run now"
              + (c == null ? "" : " by process " + c.pid() + " on " + c.host())
              + "; follow it with batch-status");
    }
    RunFiles.writeAtomically(dir.manifest(), ResultJson.write(plan.manifest()));
    BatchSession session = new BatchSession(plan, ch);
    session.coordinator = Coordinator.now(plan.manifest().executor());
    session.coordinator.write(dir);
    session.events.write(
        "session",
        Map.of(
            "jobs_to_run",
            plan.toRun().size(),
            "already_done",
            plan.alreadyDone(),
            "executor",
            plan.manifest().executor()));
    return session;
  }

  /**
   * Runs the session's jobs with {@code executor} until none is left, then records how the session
   * ended.
   */
  public BatchSummary run(BatchExecutor executor, BatchProgress.Listener progress)
      throws IOException, InterruptedException {
    this.executor = executor;
    if (cancelRequested) {
      executor.cancel();
    }
    executor.run(
        progress,
        jobId -> {
          coordinator = coordinator.withSlurmJob(jobId);
          try {
            coordinator.write(plan.dir());
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          events.write("submitted", Map.of("slurm_job_id", jobId, "tasks", plan.toRun().size()));
        });
    return finish(executor.cancelled());
  }

  /**
   * Cancels the session (from a signal handler too): no new job starts, running ones are cancelled.
   */
  public void cancel() {
    cancelRequested = true;
    BatchExecutor e = executor;
    if (e != null) {
      e.cancel();
    }
  }

  private BatchSummary finish(boolean cancelled) throws IOException {
    coordinator = coordinator.ended(cancelled ? "cancelled" : "finished");
    coordinator.write(plan.dir());
    BatchSummary summary = BatchReport.of(plan.dir(), plan.manifest());
    RunFiles.writeAtomically(plan.dir().summary(), ResultJson.write(summary));
    events.write(
        "session_end", Map.of("state", summary.state(), "total_cost", summary.totalCost()));
    return summary;
  }

  @Override
  public void close() throws IOException {
    lockChannel.close();
  }
}
