package prodbridge.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import prodbridge.config.UsageException;
import prodbridge.runs.RunResult;

/**
 * The steps of one job's supervisor, around the run itself: find its job (named by the coordinator,
 * or by the Slurm array task's index), admit itself when a scheduler started it, and write its
 * record into the journal.
 */
public final class JobTask {
  private final BatchDir dir;
  private final BatchManifest manifest;
  private final BatchJob job;

  private JobTask(BatchDir dir, BatchManifest manifest, BatchJob job) {
    this.dir = dir;
    this.manifest = manifest;
    this.job = job;
  }

  /**
   * The job named {@code jobId}, or the one on line SLURM_ARRAY_TASK_ID of {@code arrayFile}
   * (counted from 0).
   */
  public static JobTask of(Path batchDir, String jobId, Path arrayFile, Map<String, String> env)
      throws IOException {
    BatchDir dir = new BatchDir(batchDir);
    BatchManifest manifest = BatchReport.manifest(dir);
    String id = jobId;
    if (id == null) {
      if (arrayFile == null) {
        throw new UsageException("batch-job: give --job or --slurm-array");
      }
      String index = env.get("SLURM_ARRAY_TASK_ID");
      List<String> ids = Files.readAllLines(arrayFile);
      if (index == null || !index.matches("\\d+") || Integer.parseInt(index) >= ids.size()) {
        throw new UsageException(
            "batch-job: SLURM_ARRAY_TASK_ID \"" + index + "\" names no line of " + arrayFile);
      }
      id = ids.get(Integer.parseInt(index)).strip();
    }
    try {
      return new JobTask(dir, manifest, manifest.job(id));
    } catch (IllegalArgumentException e) {
      throw new UsageException("batch-job: " + e.getMessage());
    }
  }

  public BatchJob job() {
    return job;
  }

  public prodbridge.runs.RunPlan plan(String runId, Map<String, String> env) {
    return JobRun.plan(dir, manifest, job, runId, env);
  }

  /**
   * Claims the job under the batch's rules (waiting while running jobs' budgets leave no room);
   * null once claimed.
   */
  public String admit(String runId) throws IOException, InterruptedException {
    return new SelfAdmission(dir, manifest).admit(job, runId);
  }

  public JobRecord skipped(String reason) throws IOException {
    JobRecord r = JobRecord.skipped(job, reason, Instant.now(), Host.name());
    new Journal(dir).append(r, JobRun.commandLine(job));
    return r;
  }

  public JobRecord finished(RunResult result, Instant started) throws IOException {
    JobRecord r = JobRun.record(job, result, started, Instant.now());
    new Journal(dir).append(r, JobRun.commandLine(job));
    return r;
  }
}
