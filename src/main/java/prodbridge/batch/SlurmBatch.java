package prodbridge.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import prodbridge.classify.Classifier;
import prodbridge.classify.ErrorType;
import prodbridge.runs.RunFiles;
import prodbridge.supervise.StopReason;

/**
 * A batch session as one Slurm job array: {@code sbatch --array=0-N%P}, one task per job, each
 * running the bridge's {@code batch-job} to admit itself (total budget, max failures), supervise
 * its job and write its record into the shared batch directory. {@code --time} covers the job's
 * worst case (every attempt to its timeout plus grace, and the waits), {@code --mem} its memory
 * limit plus room for the bridge. Following the array reads the journal; a task that ended without
 * a record (Slurm's own time or memory limit, a node failure) is recorded from Slurm's state.
 */
public final class SlurmBatch implements BatchExecutor {
  private static final Logger log = LoggerFactory.getLogger(SlurmBatch.class);
  static final long BRIDGE_MEMORY_MB = 512;
  private static final Pattern STATE = Pattern.compile("JobState=(\\S+)");

  private final BatchPlan plan;
  private final SlurmCli cli;
  private final List<String> bridge;
  private volatile boolean cancelled;
  private String jobId;

  SlurmBatch(BatchPlan plan, SlurmCli cli, List<String> bridge) {
    this.plan = plan;
    this.cli = cli;
    this.bridge = List.copyOf(bridge);
  }

  /** The sbatch command line {@code plan} would be submitted with (a dry run shows it). */
  public static List<String> preview(BatchPlan plan) {
    return plan.toRun().isEmpty()
        ? List.of()
        : new SlurmBatch(plan, null, List.of()).sbatchOptions();
  }

  /** The sbatch options for this session's jobs (without the script). */
  List<String> sbatchOptions() {
    List<BatchJob> jobs = plan.toRun();
    long seconds = jobs.stream().mapToLong(BatchJob::worstCaseSeconds).max().orElse(60);
    List<String> args =
        new ArrayList<>(
            List.of(
                "sbatch",
                "--parsable",
                "--array=0-" + (jobs.size() - 1) + "%" + plan.manifest().parallel(),
                "--time=" + ((seconds + 59) / 60),
                "--job-name=prod-bridge-" + plan.dir().path().getFileName(),
                "--chdir=" + plan.manifest().workingDir(),
                "--output=" + plan.dir().slurm().resolve("%A_%a.log"),
                "--export=ALL," + LocalJob.BATCH_VARIABLE + "=" + plan.dir().path()));
    jobs.stream()
        .filter(j -> j.memoryLimitBytes() != null)
        .mapToLong(j -> j.memoryLimitBytes() >> 20)
        .max()
        .ifPresent(mb -> args.add("--mem=" + (mb + BRIDGE_MEMORY_MB) + "M"));
    return args;
  }

  String submit() throws IOException, InterruptedException {
    RunFiles.createPrivateDirectories(plan.dir().slurm());
    String stamp = String.valueOf(System.currentTimeMillis());
    Path arrayFile = plan.dir().slurm().resolve("array-" + stamp + ".txt");
    Files.writeString(
        arrayFile, String.join("\n", plan.toRun().stream().map(BatchJob::jobId).toList()) + "\n");
    Path script = plan.dir().slurm().resolve("task-" + stamp + ".sh");
    List<String> task = new ArrayList<>(bridge);
    task.addAll(
        List.of(
            "batch-job",
            "--batch-dir",
            plan.dir().path().toString(),
            "--slurm-array",
            arrayFile.toString()));
    Files.writeString(
        script,
        "#!/bin/sh\n# one task of a prod-bridge batch: admits, supervises and records one job\n"
            + "exec "
            + String.join(" ", task.stream().map(ShellWord::quote).toList())
            + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    List<String> argv = sbatchOptions();
    argv.add(script.toString());
    String out = cli.require(argv.toArray(String[]::new));
    jobId = out.lines().reduce((a, b) -> b).orElse("").split(";")[0].strip();
    if (!jobId.matches("\\d+")) {
      throw new IOException("sbatch answered \"" + out + "\", not a job id");
    }
    log.info(
        "submitted Slurm job array {} ({} tasks, at most {} at once)",
        jobId,
        plan.toRun().size(),
        plan.manifest().parallel());
    return jobId;
  }

  /** Submits the session's jobs as one array and follows it until no task is left in the queue. */
  @Override
  public void run(BatchProgress.Listener progress, java.util.function.Consumer<String> submitted)
      throws IOException, InterruptedException {
    if (plan.toRun().isEmpty() || cancelled) {
      return;
    }
    submitted.accept(submit());
    if (cancelled) {
      cancel();
    }
    follow(progress);
  }

  /** Waits until no task of the array is queued or running, reporting progress from the journal. */
  void follow(BatchProgress.Listener progress) throws IOException, InterruptedException {
    Journal journal = new Journal(plan.dir());
    int before = journal.records().size();
    while (true) {
      SlurmCli.Reply q = cli.run("squeue", "-h", "-r", "-j", jobId, "-o", "%i %t");
      List<JobRecord> all = journal.records();
      List<JobRecord> fresh = all.subList(Math.min(before, all.size()), all.size());
      progress.update(progressOf(fresh, q.ok() ? q.out().lines().count() : 0));
      if (!q.ok() || q.out().isBlank()) {
        break;
      }
      Thread.sleep(1000);
    }
    recordSilentTasks(journal, before);
  }

  private BatchProgress progressOf(List<JobRecord> fresh, long queued) {
    int ok = (int) fresh.stream().filter(r -> r.status() == JobStatus.SUCCESS).count();
    int failed = (int) fresh.stream().filter(r -> r.status().failed()).count();
    double cost =
        new Journal(plan.dir()).records().stream().mapToDouble(JobRecord::costOrZero).sum();
    int left = Math.max(0, plan.toRun().size() - fresh.size());
    return new BatchProgress(
        plan.toRun().size(),
        ok,
        failed,
        fresh.size() - ok - failed,
        (int) Math.min(left, queued),
        left,
        cost,
        plan.manifest().totalBudget(),
        null,
        null);
  }

  private void recordSilentTasks(Journal journal, int before)
      throws IOException, InterruptedException {
    List<JobRecord> all = journal.records();
    java.util.Set<String> recorded =
        all.subList(Math.min(before, all.size()), all.size()).stream()
            .map(JobRecord::jobId)
            .collect(java.util.stream.Collectors.toSet());
    for (int i = 0; i < plan.toRun().size(); i++) {
      BatchJob job = plan.toRun().get(i);
      if (recorded.contains(job.jobId())) {
        continue;
      }
      String task = jobId + "_" + i;
      SlurmCli.Reply show = cli.run("scontrol", "show", "job", "-o", task);
      Matcher m = STATE.matcher(show.out());
      String state = m.find() ? m.group(1) : "UNKNOWN";
      StopReason stop =
          switch (state) {
            case "TIMEOUT", "DEADLINE" -> StopReason.DEADLINE;
            case "OUT_OF_MEMORY" -> StopReason.MEMORY_LIMIT;
            case "CANCELLED", "PENDING" -> StopReason.CANCELLED;
            default -> StopReason.EXITED;
          };
      ErrorType type =
          Optional.ofNullable(Classifier.observed(stop)).orElse(ErrorType.UNKNOWN_ERROR);
      JobStatus status = type == ErrorType.CANCELLED ? JobStatus.CANCELLED : JobStatus.LOST;
      Instant now = Instant.now();
      journal.append(
          JobRecord.of(job)
              .status(status)
              .error(type)
              .hint(type.hint())
              .message(
                  "Slurm task "
                      + task
                      + " ended "
                      + state
                      + " without a result; see slurm/"
                      + task
                      + ".log in the batch directory")
              .span(now, now)
              .build(),
          JobRun.commandLine(job));
    }
  }

  @Override
  public void cancel() {
    cancelled = true;
    if (jobId == null) {
      return;
    }
    try {
      cli.run("scancel", jobId);
    } catch (IOException e) {
      log.warn("scancel {} failed: {}", jobId, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean cancelled() {
    return cancelled;
  }
}
