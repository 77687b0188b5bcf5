package prodbridge.batch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import prodbridge.config.ConfigLoader;
import prodbridge.config.EffectiveConfig;
import prodbridge.config.ProfileSettings;
import prodbridge.config.UsageException;

/**
 * Reads and checks a batch request into a plan, creating nothing: the batch file, every job's
 * command and profile, the batch directory (an existing batch is continued only with --resume or
 * --retry-failed), which jobs still need to run, and whether this machine could ever hold a job's
 * memory limit.
 */
public final class BatchSetup {
  private final Map<String, String> env;
  private final Path workingDir;

  public BatchSetup(Map<String, String> env, Path workingDir) {
    this.env = env;
    this.workingDir = workingDir;
  }

  public BatchPlan plan(BatchRequest request, long totalMemoryBytes) {
    Path input = workingDir.resolve(request.input()).toAbsolutePath().normalize();
    ConfigLoader loader = new ConfigLoader(env, workingDir);
    EffectiveConfig config = loader.load(request.configFile(), ProfileSettings.NONE);
    List<BatchRow> rows = BatchFile.read(input);
    List<BatchJob> jobs =
        new BatchPlanner(
                input.toString(),
                request.command(),
                (budget, threshold) ->
                    budget == null && threshold == null
                        ? config
                        : loader.load(request.configFile(), JobRun.limits(budget, threshold)))
            .plan(rows);
    BatchDir dir =
        new BatchDir(
            request.batchDir() != null
                ? workingDir.resolve(request.batchDir())
                : config.runsRoot().resolve("batches").resolve(stem(input)));
    prodbridge.runs.WritableDir.check(dir.path(), "batch directory");
    prodbridge.runs.WritableDir.check(config.outputRoot(), "episode root");
    boolean continuing = request.resume() || request.retryFailed();
    if (dir.holdsBatch() && !continuing) {
      throw new UsageException(
          "batch directory "
              + dir.path()
              + " already holds a batch: add --resume to go on"
              + " with it (--retry-failed also reruns its failed jobs), or choose another with --batch-dir");
    }
    Map<String, JobRecord> latest = new Journal(dir).latest();
    List<BatchJob> toRun =
        jobs.stream().filter(j -> needsRun(latest.get(j.jobId()), request.retryFailed())).toList();
    for (BatchJob j : toRun) {
      if (j.memoryLimitBytes() != null
          && totalMemoryBytes > 0
          && j.memoryLimitBytes() > totalMemoryBytes) {
        throw new UsageException(
            input
                + ":"
                + j.line()
                + ": the "
                + j.command()
                + " memory limit ("
                + (j.memoryLimitBytes() >> 20)
                + " MB) is more than this machine has ("
                + (totalMemoryBytes >> 20)
                + " MB): the job could never start");
      }
    }
    Path configFile = config.file();
    BatchManifest manifest =
        new BatchManifest(
            input.toString(),
            workingDir.toAbsolutePath().toString(),
            configFile == null ? null : configFile.toString(),
            request.totalBudget(),
            request.maxFailures(),
            request.parallel(),
            request.executor().json(),
            Instant.now(),
            jobs);
    return new BatchPlan(dir, manifest, toRun, jobs.size() - toRun.size());
  }

  /** A job runs unless its latest run succeeded, or failed and failures are not being retried. */
  static boolean needsRun(JobRecord latest, boolean retryFailed) {
    if (latest == null) {
      return true;
    }
    return switch (latest.status()) {
      case SUCCESS -> false;
      case ERROR, LOST -> retryFailed;
      case CANCELLED, SKIPPED -> true;
    };
  }

  private static String stem(Path input) {
    String name = input.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String safe = stem.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.isEmpty() || safe.startsWith(".") ? "batch" + safe : safe;
  }
}
