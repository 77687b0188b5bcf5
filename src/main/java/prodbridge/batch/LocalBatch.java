package prodbridge.batch;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import prodbridge.runs.RunId;
import prodbridge.supervise.Keeper;

/**
 * Runs a batch's jobs on this machine, up to {@code parallel} at once, all supervised by this one
 * process (a thread per running job, one shared monitor). A {@link Keeper} watches this process: if
 * it dies, even by kill -9, the keeper ends every process carrying the batch's marker and records
 * the jobs that were running, so {@code --resume} runs them again and nothing is left running
 * unwatched. A job starts only when the total budget (spent + in-flight budgets + its own) allows
 * it, fewer than max-failures jobs failed, and available memory covers its memory limit beyond what
 * running jobs may still grow into. Jobs start in file order; one that must wait holds back the
 * ones after it. {@link #cancel()} stops new starts and cancels the running jobs, which are
 * recorded as CANCELLED.
 */
public final class LocalBatch implements BatchExecutor {
  private static final Logger log = LoggerFactory.getLogger(LocalBatch.class);
  private static final long TICK_MILLIS = 100;

  private final BatchDir dir;
  private final BatchManifest manifest;
  private final List<String> bridge;
  private final LongSupplier availableMemory;
  private final Journal journal;
  private final BatchEvents events;
  private final BatchLedger ledger;
  private final Map<String, String> env;
  private final List<BatchJob> jobs;
  private final AdmissionRules rules;
  private long shortOfMemorySince = -1;
  private final List<LocalJob> running = new ArrayList<>();
  private final Set<String> heldNoted = new HashSet<>();
  private volatile int cancels;
  private int cancelsForwarded;

  LocalBatch(BatchPlan plan, Machine machine) {
    this.dir = plan.dir();
    this.manifest = plan.manifest();
    this.jobs = plan.toRun();
    this.bridge = List.copyOf(machine.bridge());
    this.availableMemory = machine.availableMemory();
    this.env = Map.copyOf(machine.env());
    this.rules = new AdmissionRules(manifest, machine.totalMemory());
    this.journal = new Journal(dir);
    this.events = new BatchEvents(dir);
    this.ledger = new BatchLedger(journal.records(), manifest.sessionStartedAt());
  }

  /**
   * Runs the jobs (in order) and returns once none is running; jobs never started stay unrecorded.
   */
  @Override
  public void run(BatchProgress.Listener progress, java.util.function.Consumer<String> submitted)
      throws IOException, InterruptedException {
    if (jobs.isEmpty()) {
      return;
    }
    Keeper keeper =
        Keeper.start(
            LocalJob.BATCH_VARIABLE + "=" + dir.path(),
            grace(jobs),
            Keeper.reapCommand(bridge, dir.path()),
            dir.path(),
            () -> {
              cancel();
              cancel();
            });
    try {
      supervise(jobs, progress);
    } finally {
      keeper.close();
    }
  }

  /**
   * The longest grace period of the jobs' profiles: what the keeper gives a tree before SIGKILL.
   */
  private Duration grace(List<BatchJob> jobs) {
    Duration longest = Duration.ofSeconds(1);
    for (String command : jobs.stream().map(BatchJob::command).distinct().toList()) {
      BatchJob first =
          jobs.stream().filter(j -> j.command().equals(command)).findFirst().orElseThrow();
      Duration g = JobRun.plan(dir, manifest, first, null, env).profile().grace();
      longest = g.compareTo(longest) > 0 ? g : longest;
    }
    return longest;
  }

  private void supervise(List<BatchJob> jobs, BatchProgress.Listener progress)
      throws IOException, InterruptedException {
    Deque<BatchJob> queue = new ArrayDeque<>(jobs);
    long t0 = System.nanoTime();
    int total = jobs.size();
    while (!queue.isEmpty() || !running.isEmpty()) {
      reap();
      String held = null;
      if (cancels > 0) {
        queue.clear();
        forwardCancels();
      } else {
        held = startWhatFits(queue);
      }
      if (progress != BatchProgress.Listener.NONE) {
        progress.update(
            ledger.progress(
                total,
                running.size(),
                queue.size(),
                inFlightCost(),
                manifest.totalBudget(),
                (System.nanoTime() - t0) / 1e9,
                manifest.parallel(),
                held));
      }
      Thread.sleep(TICK_MILLIS);
    }
  }

  /**
   * Stops starting jobs and cancels the running ones; a second call hurries them past their grace
   * period.
   */
  @Override
  public void cancel() {
    cancels++;
  }

  @Override
  public boolean cancelled() {
    return cancels > 0;
  }

  private String startWhatFits(Deque<BatchJob> queue) throws IOException {
    while (!queue.isEmpty() && running.size() < manifest.parallel()) {
      BatchJob job = queue.peek();
      Admission a = rules.judge(job, load(job));
      if (a.verdict() == Admission.Verdict.NEVER) {
        skip(queue.poll(), a.reason());
        continue;
      }
      if (a.verdict() == Admission.Verdict.WAIT) {
        return hold(job, a.reason(), a.figures());
      }
      shortOfMemorySince = -1;
      queue.poll();
      String runId = RunId.next(job.command(), java.time.ZonedDateTime.now());
      events.write("started", Map.of("job_id", job.jobId(), "run_id", runId));
      running.add(LocalJob.start(dir, manifest, job, runId, env));
    }
    return null;
  }

  /** The batch as the admission rules see it for {@code job}. */
  private AdmissionRules.Load load(BatchJob job) {
    double inFlight = running.stream().mapToDouble(w -> w.job.budget()).sum();
    Long available = null;
    long reserved = 0;
    Duration shortFor = Duration.ZERO;
    if (job.memoryLimitBytes() != null) {
      available = availableMemory.getAsLong();
      reserved = running.stream().mapToLong(this::mayStillGrow).sum();
      boolean isShort = available - reserved < job.memoryLimitBytes() && running.isEmpty();
      if (!isShort) {
        shortOfMemorySince = -1;
      } else if (shortOfMemorySince < 0) {
        shortOfMemorySince = System.nanoTime();
      }
      shortFor = isShort ? Duration.ofNanos(System.nanoTime() - shortOfMemorySince) : Duration.ZERO;
    }
    return new AdmissionRules.Load(
        ledger.sessionFailures(),
        ledger.spent(),
        inFlight,
        running.size(),
        available,
        reserved,
        shortFor);
  }

  /**
   * What a running job may still add to the machine's memory use: its limit less what its tree uses
   * now.
   */
  private long mayStillGrow(LocalJob w) {
    if (w.job.memoryLimitBytes() == null) {
      return 0;
    }
    long used = w.state().map(s -> s.memoryMb() == null ? 0L : s.memoryMb() << 20).orElse(0L);
    return Math.max(0, w.job.memoryLimitBytes() - used);
  }

  private String hold(BatchJob job, String reason, Map<String, ?> figures) {
    if (heldNoted.add(job.jobId() + "/" + reason)) {
      Map<String, Object> fields =
          new java.util.LinkedHashMap<>(Map.of("job_id", job.jobId(), "reason", reason));
      fields.putAll(figures);
      events.write("held", fields);
      log.info("job {} waits for {} {}", job.jobId(), reason, figures);
    }
    return reason;
  }

  private void skip(BatchJob job, String reason) throws IOException {
    JobRecord r = JobRecord.skipped(job, reason, Instant.now(), Host.name());
    journal.append(r, JobRun.commandLine(job));
    ledger.add(r);
    log.warn("job {} (line {}) not started: {}", job.jobId(), job.line(), reason);
  }

  /** Writes the journal line of every job that has ended (this thread alone writes the journal). */
  private void reap() throws IOException {
    List<LocalJob> ended = running.stream().filter(w -> !w.alive()).toList();
    for (LocalJob w : ended) {
      running.remove(w);
      JobRecord r = w.record();
      if (r == null) {
        r = LostJob.record(w, Instant.now(), "its thread ended without a record");
      }
      journal.append(r, JobRun.commandLine(w.job));
      ledger.add(r);
    }
  }

  private double inFlightCost() {
    return running.stream()
        .mapToDouble(w -> w.state().map(s -> s.cost() == null ? 0 : s.cost()).orElse(0.0))
        .sum();
  }

  private void forwardCancels() {
    while (cancelsForwarded < cancels) {
      cancelsForwarded++;
      running.forEach(LocalJob::cancel);
    }
  }
}
