package prodbridge.batch;

import java.io.IOException;
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

/**
 * Runs a batch's jobs on this machine, up to {@code parallel} at once, each under its own supervisor process. A job
 * starts only when the total budget (spent + in-flight budgets + its own) allows it, fewer than max-failures jobs
 * failed, and available memory covers its memory limit beyond what running jobs may still grow into. Jobs start in
 * file order; one that must wait holds back the ones after it. {@link #cancel()} stops new starts and cancels the
 * running jobs, whose supervisors record them as CANCELLED.
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
  private final List<Worker> running = new ArrayList<>();
  private final Set<String> heldNoted = new HashSet<>();
  private volatile int cancels;
  private int cancelsForwarded;

  /** {@code bridge} is how to start this program again (launcher script, or java and its class path). */
  public LocalBatch(BatchDir dir, BatchManifest manifest, List<String> bridge, LongSupplier availableMemory) {
    this.dir = dir;
    this.manifest = manifest;
    this.bridge = List.copyOf(bridge);
    this.availableMemory = availableMemory;
    this.journal = new Journal(dir);
    this.events = new BatchEvents(dir);
    this.ledger = new BatchLedger(journal.records(), manifest.sessionStartedAt());
  }

  /** Runs {@code jobs} (in order) and returns once none is running; jobs never started stay unrecorded. */
  public void run(List<BatchJob> jobs, BatchProgress.Listener progress) throws IOException, InterruptedException {
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
      running.add(Worker.start(dir, manifest, job, runId, bridge));
      events.write("started", Map.of("job_id", job.jobId(), "run_id", runId));
    }
    return null;
  }

  /** What a running job may still add to the machine's memory use: its limit less what its tree uses now. */
  private long mayStillGrow(Worker w) {
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

  private void reap() throws IOException {
    List<Worker> ended = running.stream().filter(w -> !w.alive()).toList();
    Map<String, JobRecord> latest = ended.isEmpty() ? Map.of() : journal.latest();
    for (Worker w : ended) {
      running.remove(w);
      JobRecord r = latest.get(w.job.jobId());
      if (r == null || !w.runId.equals(r.runId())) {
        r = LostJob.record(w, Instant.now(), cancels > 0);
        journal.append(r, JobRun.commandLine(w.job));
      }
      ledger.add(r);
    }
  }

  private double inFlightCost() {
    return running.stream().mapToDouble(w -> w.state().map(s -> s.cost() == null ? 0 : s.cost()).orElse(0.0)).sum();
  }

  private void forwardCancels() {
    while (cancelsForwarded < cancels) {
      cancelsForwarded++;
      running.forEach(Worker::cancel);
    }
  }
}
