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
 * Runs a batch's jobs on this machine, up to {@code parallel} at once, all supervised by this one process (a thread
 * per running job, one shared monitor). A {@link Keeper} watches this process: if it dies, even by kill -9, the
 * keeper ends every process carrying the batch's marker and records the jobs that were running, so {@code --resume}
 * runs them again and nothing is left running unwatched. A job
 * starts only when the total budget (spent + in-flight budgets + its own) allows it, fewer than max-failures jobs
 * failed, and available memory covers its memory limit beyond what running jobs may still grow into. Jobs start in
 * file order; one that must wait holds back the ones after it. {@link #cancel()} stops new starts and cancels the
 * running jobs, which are recorded as CANCELLED.
 */
public final class LocalBatch {
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
  private final List<LocalJob> running = new ArrayList<>();
  private final Set<String> heldNoted = new HashSet<>();
  private volatile int cancels;
  private int cancelsForwarded;

  /**
   * {@code bridge} is how to start this program again (launcher script, or java and its class path), for the
   * keeper; {@code env} is the environment the jobs are planned with.
   */
  public LocalBatch(BatchDir dir, BatchManifest manifest, List<String> bridge, LongSupplier availableMemory,
      Map<String, String> env) {
    this.dir = dir;
    this.env = Map.copyOf(env);
    this.manifest = manifest;
    this.bridge = List.copyOf(bridge);
    this.availableMemory = availableMemory;
    this.journal = new Journal(dir);
    this.events = new BatchEvents(dir);
    this.ledger = new BatchLedger(journal.records(), manifest.sessionStartedAt());
  }

  /** Runs {@code jobs} (in order) and returns once none is running; jobs never started stay unrecorded. */
  public void run(List<BatchJob> jobs, BatchProgress.Listener progress) throws IOException, InterruptedException {
    if (jobs.isEmpty()) {
      return;
    }
    Keeper keeper = Keeper.start(LocalJob.BATCH_VARIABLE + "=" + dir.path(), grace(jobs),
        Keeper.reapCommand(bridge, dir.path()), dir.path(), () -> {
          cancel();
          cancel();
        });
    try {
      supervise(jobs, progress);
    } finally {
      keeper.close();
    }
  }

  /** The longest grace period of the jobs' profiles: what the keeper gives a tree before SIGKILL. */
  private Duration grace(List<BatchJob> jobs) {
    Duration longest = Duration.ofSeconds(1);
    for (String command : jobs.stream().map(BatchJob::command).distinct().toList()) {
      BatchJob first = jobs.stream().filter(j -> j.command().equals(command)).findFirst().orElseThrow();
      Duration g = JobRun.plan(dir, manifest, first, null, env).profile().grace();
      longest = g.compareTo(longest) > 0 ? g : longest;
    }
    return longest;
  }

  private void supervise(List<BatchJob> jobs, BatchProgress.Listener progress)
      throws IOException, InterruptedException {
    Deque<BatchJob> queue = new ArrayDeque<>(jobs);
    BudgetGate gate = new BudgetGate(manifest.totalBudget());
    long t0 = System.nanoTime();
    int total = jobs.size();
    while (!queue.isEmpty() || !running.isEmpty()) {
      reap();
      String held = null;
      if (cancels > 0) {
        queue.clear();
        forwardCancels();
      } else {
        held = startWhatFits(queue, gate);
      }
      if (progress != BatchProgress.Listener.NONE) {
        progress.update(ledger.progress(total, running.size(), queue.size(), inFlightCost(),
            manifest.totalBudget(), (System.nanoTime() - t0) / 1e9, manifest.parallel(), held));
      }
      Thread.sleep(TICK_MILLIS);
    }
  }

  /** Stops starting jobs and cancels the running ones; a second call hurries them past their grace period. */
  public void cancel() {
    cancels++;
  }

  public boolean cancelled() {
    return cancels > 0;
  }

  private String startWhatFits(Deque<BatchJob> queue, BudgetGate gate) throws IOException {
    while (!queue.isEmpty() && running.size() < manifest.parallel()) {
      BatchJob job = queue.peek();
      if (manifest.maxFailures() != null && ledger.sessionFailures() >= manifest.maxFailures()) {
        skip(queue.poll(), "max failures: " + ledger.sessionFailures() + " jobs failed (--max-failures "
            + manifest.maxFailures() + ")");
        continue;
      }
      double inFlight = running.stream().mapToDouble(w -> w.job.budget()).sum();
      switch (gate.judge(ledger.spent(), inFlight, job.budget())) {
        case NEVER -> {
          skip(queue.poll(), gate.whyNever(ledger.spent(), job.budget()));
          continue;
        }
        case WAIT -> {
          return hold(job, "budget", Map.of("in_flight_budget", inFlight, "spent", ledger.spent()));
        }
        default -> { }
      }
      if (job.memoryLimitBytes() != null) {
        long reserved = running.stream().mapToLong(this::mayStillGrow).sum();
        long available = availableMemory.getAsLong();
        if (available - reserved < job.memoryLimitBytes()) {
          return hold(job, "memory", Map.of("needed_mb", job.memoryLimitBytes() >> 20,
              "available_mb", available >> 20, "reserved_for_running_mb", reserved >> 20));
        }
      }
      queue.poll();
      String runId = RunId.next(job.command(), java.time.ZonedDateTime.now());
      events.write("started", Map.of("job_id", job.jobId(), "run_id", runId));
      running.add(LocalJob.start(dir, manifest, job, runId, env));
    }
    return null;
  }

  /** What a running job may still add to the machine's memory use: its limit less what its tree uses now. */
  private long mayStillGrow(LocalJob w) {
    if (w.job.memoryLimitBytes() == null) {
      return 0;
    }
    long used = w.state().map(s -> s.memoryMb() == null ? 0L : s.memoryMb() << 20).orElse(0L);
    return Math.max(0, w.job.memoryLimitBytes() - used);
  }

  private String hold(BatchJob job, String reason, Map<String, Object> figures) {
    if (heldNoted.add(job.jobId() + "/" + reason)) {
      Map<String, Object> fields = new java.util.LinkedHashMap<>(Map.of("job_id", job.jobId(), "reason", reason));
      fields.putAll(figures);
      events.write("held", fields);
      log.info("job {} waits for {} {}", job.jobId(), reason, figures);
    }
    return reason;
  }

  private void skip(BatchJob job, String reason) throws IOException {
    JobRecord r = JobRecord.skipped(job, reason, Instant.now().toString(), Host.name());
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
    return running.stream().mapToDouble(w -> w.state().map(s -> s.cost() == null ? 0 : s.cost()).orElse(0.0)).sum();
  }

  private void forwardCancels() {
    while (cancelsForwarded < cancels) {
      cancelsForwarded++;
      running.forEach(LocalJob::cancel);
    }
  }
}
