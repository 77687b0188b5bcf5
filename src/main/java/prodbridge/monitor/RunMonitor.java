package prodbridge.monitor;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a live run every interval (on one timer thread shared by every run this process watches): memory of the whole tree, the output directory, the cumulative cost (child
 * events on stdout or in the events file, and a cost file), and signs of life. The first limit crossed is reported
 * once to {@code onViolation}; everything seen is appended to {@code events.jsonl}. Budget crossings seen in an
 * event are acted on at once, not at the next sample.
 */
public final class RunMonitor {
  private static final Logger log = LoggerFactory.getLogger(RunMonitor.class);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final MonitorLimits limits;
  private final EventLog eventLog;
  private final OutputWatch outputs;
  private final CostFile costFile;
  private final ChildEventFile childEvents;
  private final LongSupplier lastOutputNanos;
  private final ProgressListener progress;
  private final Consumer<Violation> onViolation;
  /** One thread ticks every monitor of this process; ticks fall on multiples of the interval, so they coincide. */
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "prod-bridge-monitor");
    t.setDaemon(true);
    return t;
  });
  private final java.util.concurrent.locks.ReentrantLock ticking = new java.util.concurrent.locks.ReentrantLock();
  private final java.util.List<java.util.concurrent.Future<?>> scheduled = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile boolean stopped;
  private final long startNanos = System.nanoTime();
  private LongSupplier treeResidentBytes = () -> 0;

  private long lastActivityNanos = startNanos;
  private long peakBytes = -1;
  private long lastBytes;
  private int files;
  private Double cost;
  private String costSource;
  private String stage;
  private Integer percent;
  private Violation violation;
  private int samples;
  private int events;
  private long cpuNanos;

  /**
   * {@code outputDir}, {@code costFile} and {@code childEventsFile} may be null; {@code lastOutputNanos} tells
   * when the child last wrote a byte to stdout or stderr; {@code scrub} removes secrets from the child's text.
   */
  public RunMonitor(MonitorLimits limits, Path eventsJsonl, Path outputDir, CostFile costFile, Path childEventsFile,
      LongSupplier lastOutputNanos, ProgressListener progress, Consumer<Violation> onViolation,
      java.util.function.UnaryOperator<String> scrub) throws IOException {
    this.limits = limits;
    this.eventLog = new EventLog(eventsJsonl, scrub);
    this.outputs = new OutputWatch(outputDir);
    this.costFile = costFile;
    this.childEvents = new ChildEventFile(childEventsFile);
    this.lastOutputNanos = lastOutputNanos;
    this.progress = progress;
    this.onViolation = onViolation;
  }

  /**
   * Starts sampling the tree whose summed resident memory {@code residentBytes} reads (one /proc pass a call;
   * negative when the tree has no live process left, and then the tick records nothing).
   */
  public void start(LongSupplier residentBytes) {
    this.treeResidentBytes = residentBytes;
    eventLog.state("running", null);
    long interval = limits.interval().toNanos();
    long aligned = interval - Math.floorMod(System.nanoTime(), interval);
    scheduled.add(TIMER.submit(this::tick));
    scheduled.add(TIMER.scheduleAtFixedRate(this::tick, aligned, interval, TimeUnit.NANOSECONDS));
  }

  /** A line the child printed on stdout; progress events among them are taken in. */
  public void onStdoutLine(String line) {
    ChildEvent.parse(line).ifPresent(this::take);
  }

  private void tick() {
    ticking.lock();
    try {
      if (!stopped) {
        sample();
      }
    } finally {
      ticking.unlock();
    }
  }

  private void sample() {
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    try {
      childEvents.newLines().forEach(this::onStdoutLine);
      if (costFile != null) {
        costFile.read().ifPresent(c -> costSeen(c, "cost file " + costFile.path().getFileName()));
      }
      long bytes = treeResidentBytes.getAsLong();
      if (bytes <= 0) {
        // the tree is gone (the supervisor is ending the run), or its child is still between fork and exec:
        // nothing to sample yet
        return;
      }
      OutputWatch.Scan scan = outputs.scan();
      Snapshot s;
      synchronized (this) {
        lastBytes = bytes;
        peakBytes = Math.max(peakBytes, bytes);
        files = scan.files();
        if (scan.changed() > 0) {
          lastActivityNanos = System.nanoTime();
        }
        samples++;
        s = snapshot();
      }
      eventLog.sample("running", s);
      progress.update(s);
      checkLimits(bytes);
    } catch (RuntimeException e) {
      log.warn("monitor sample failed: {}", e.toString());
    } finally {
      synchronized (this) {
        cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu0;
      }
    }
  }

  private void checkLimits(long bytes) {
    Long limit = limits.memoryLimitBytes();
    if (limit != null && bytes > limit) {
      violate(Violation.Kind.MEMORY_LIMIT, String.format(Locale.ROOT,
          "memory of the process tree reached %s, over the %s limit", mb(bytes), mb(limit)));
    }
    if (limits.stallTimeout() != null) {
      long last = Math.max(lastOutputNanos.getAsLong(), lastActivity());
      long silentNanos = System.nanoTime() - last;
      if (silentNanos > limits.stallTimeout().toNanos()) {
        violate(Violation.Kind.STALL, String.format(Locale.ROOT,
            "no output, event or file change for %.1fs (stall timeout %.1fs)",
            silentNanos / 1e9, limits.stallTimeout().toMillis() / 1000.0));
      }
    }
  }

  private synchronized long lastActivity() {
    return lastActivityNanos;
  }

  private void take(ChildEvent e) {
    synchronized (this) {
      events++;
      lastActivityNanos = System.nanoTime();
      if (e.stage() != null) {
        stage = e.stage();
      }
      if (e.progress() != null) {
        percent = e.progress();
      }
    }
    eventLog.childEvent(e);
    if (e.cost() != null) {
      costSeen(e.cost(), "progress events");
    }
  }

  private void costSeen(double usd, String source) {
    synchronized (this) {
      if (cost == null || usd >= cost) {
        cost = usd;
        costSource = source;
      }
    }
    if (usd > limits.budget()) {
      violate(Violation.Kind.BUDGET, String.format(Locale.ROOT,
          "cost reached $%.2f, over the $%.2f budget (from %s)", usd, limits.budget(), source));
    }
  }

  private void violate(Violation.Kind kind, String message) {
    Violation v;
    synchronized (this) {
      if (violation != null) {
        return;
      }
      violation = v = new Violation(kind, message);
    }
    log.info("limit crossed: {}", message);
    eventLog.state("stopping", message);
    onViolation.accept(v);
  }

  private Snapshot snapshot() {
    return new Snapshot((System.nanoTime() - startNanos) / 1e9, stage, percent, cost, limits.budget(), lastBytes,
        limits.memoryLimitBytes(), files);
  }

  /** Stops sampling, takes in the last events and cost figures, and reports. */
  public MonitorReport stop(String finalState) {
    stopped = true;
    scheduled.forEach(f -> f.cancel(false));
    ticking.lock();
    ticking.unlock();
    childEvents.newLines().forEach(this::onStdoutLine);
    if (costFile != null) {
      costFile.read().ifPresent(c -> costSeen(c, "cost file " + costFile.path().getFileName()));
    }
    synchronized (this) {
      eventLog.state(finalState, String.format(Locale.ROOT, "%d samples, %d child events, monitor cpu %d ms",
          samples, events, cpuNanos / 1_000_000));
    }
    eventLog.close();
    synchronized (this) {
      return new MonitorReport(peakBytes < 0 ? null : peakBytes, cost, costSource, violation, samples, events,
          cpuNanos / 1_000_000);
    }
  }

  static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
  }
}
