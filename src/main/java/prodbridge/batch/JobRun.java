package prodbridge.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import prodbridge.config.Budget;
import prodbridge.config.ConfigLoader;
import prodbridge.config.EffectiveConfig;
import prodbridge.config.ProfileSettings;
import prodbridge.config.QualityThreshold;
import prodbridge.runs.RunPlan;
import prodbridge.runs.RunPlanner;
import prodbridge.runs.RunRequest;
import prodbridge.runs.RunResult;

/**
 * One job of a batch run by its own supervisor (a local worker or a Slurm array task): planned
 * exactly as the batch planned it, with its run directory inside the batch, and its result turned
 * into a journal record.
 */
public final class JobRun {
  private static final int MAX_MESSAGE_CHARS = 300;

  private JobRun() {}

  /** The job's run plan; {@code runId} is the one the coordinator chose, or null for a new one. */
  public static RunPlan plan(
      BatchDir dir, BatchManifest manifest, BatchJob job, String runId, Map<String, String> env) {
    return planner(dir, manifest, job, env)
        .plan(
            new RunRequest(
                job.command(), job.command(), job.topic(), job.episodeId(), List.of(), runId));
  }

  static RunPlanner planner(
      BatchDir dir, BatchManifest manifest, BatchJob job, Map<String, String> env) {
    Path workingDir = Path.of(manifest.workingDir());
    EffectiveConfig config =
        new ConfigLoader(env, workingDir)
            .load(
                manifest.configFile() == null ? null : Path.of(manifest.configFile()), limits(job))
            .withRunsRoot(dir.runs());
    return new RunPlanner(config, env, workingDir, Clock.systemDefaultZone());
  }

  static ProfileSettings limits(BatchJob job) {
    return limits(job.budget(), job.qualityThreshold());
  }

  /**
   * The layer a batch row puts over the profile: its budget and quality threshold, each null when
   * not given.
   */
  static ProfileSettings limits(Double budget, Double qualityThreshold) {
    return ProfileSettings.builder()
        .budget(Budget.ofNullable(budget))
        .qualityThreshold(QualityThreshold.ofNullable(qualityThreshold))
        .build();
  }

  public static JobRecord record(BatchJob job, RunResult r, Instant started, Instant ended) {
    JobStatus status = JobStatus.valueOf(r.status().name());
    String message = r.errorMessage();
    if (message != null && message.length() > MAX_MESSAGE_CHARS) {
      message = message.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
    return JobRecord.of(job)
        .runId(r.runId())
        .status(status)
        .errorType(r.errorType() == null ? null : r.errorType().name())
        .exitCode(r.succeeded() ? 0 : r.errorType().exitCode())
        .signal(r.signal())
        .cost(r.finalCost())
        .qualityScore(r.qualityScore())
        .hint(r.hint())
        .message(message)
        .span(started, ended)
        .runtimeSeconds(r.executionTime())
        .host(Host.name())
        .outputBytes(outputBytes(r))
        .build();
  }

  private static long outputBytes(RunResult r) {
    long sum = 0;
    if (r.logs() != null) {
      for (String log : new String[] {r.logs().stdout(), r.logs().stderr()}) {
        try {
          sum += log == null ? 0 : Files.size(Path.of(log));
        } catch (IOException gone) {
          // a log that was never written counts as nothing
        }
      }
    }
    return sum;
  }

  /** The command a user would type to run this one job by hand, for the joblog. */
  public static String commandLine(BatchJob job) {
    return "prod-bridge "
        + job.command()
        + " --episode-id "
        + job.episodeId()
        + " "
        + ShellWord.quote(job.topic());
  }
}
