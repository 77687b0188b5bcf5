package prodbridge.monitor;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import prodbridge.supervise.StopReason;

/**
 * Watches a live run every interval, on one timer thread shared by every run this process watches. Each tick polls
 * the {@link CostSource}s (stdout events arrive between ticks), samples the tree's memory and the output directory,
 * appends what it saw to {@code events.jsonl}, and asks each {@link Limit}; a cost reading asks them at once. The
 * first violation is reported once to {@code onViolation}.
 */
public final class RunMonitor implements CostSource.Readings, Gauges {
  private static final Logger log = LoggerFactory.getLogger(RunMonitor.class);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** One thread ticks every monitor of this process; ticks fall on multiples of the interval, so they coincide. */
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "prod-bridge-monitor");
    t.setDaemon(true);
    return t;
  });

  private final MonitorLimits settings;
  private final Limit[] limits;
  private final StdoutEvents stdout;
  private final CostSource[] sources;
  private final EventLog eventLog;
  private final OutputWatch outputs;
  private final LongSupplier clock;
  private final LongSupplier lastOutputNanos;
  private final ProgressListener progress;
  private final Consumer<Violation> onViolation;
  private final ReentrantLock ticking = new ReentrantLock();
  private final List<Future<?>> scheduled = new CopyOnWriteArrayList<>();
  private final long startNanos;
  private volatile boolean stopped;
  private LongSupplier treeResidentBytes = () -> 0;

  private long lastActivityNanos;
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
      UnaryOperator<String> scrub) throws IOException {
    this(limits, eventsJsonl, outputDir, costFile, childEventsFile, lastOutputNanos, progress, onViolation, scrub,
        System::nanoTime);
  }

  /** As above, with the clock that times stalls and samples ({@link System#nanoTime} but in tests). */
  RunMonitor(MonitorLimits limits, Path eventsJsonl, Path outputDir, CostFile costFile, Path childEventsFile,
      LongSupplier lastOutputNanos, ProgressListener progress, Consumer<Violation> onViolation,
      UnaryOperator<String> scrub, LongSupplier clock) throws IOException {
    this.settings = limits;
    this.limits = limits.parts().toArray(new Limit[0]);
    this.stdout = new StdoutEvents(this);
    List<CostSource> all = new ArrayList<>(List.of(stdout, new EventsFile(childEventsFile)));
    if (costFile != null) {
      all.add(new CostFileSource(costFile));
    }
    this.sources = all.toArray(new CostSource[0]);
    this.eventLog = new EventLog(eventsJsonl, scrub);
    this.outputs = new OutputWatch(outputDir);
    this.clock = clock;
    this.startNanos = clock.getAsLong();
    this.lastActivityNanos = startNanos;
    this.lastOutputNanos = lastOutputNanos;
    this.progress = progress;
    this.onViolation = onViolation;
  }

  /**
   * Starts sampling the tree whose summed resident memory {@code residentBytes} reads (one /proc pass a call;
   * negative when the tree has no live process left, and then the tick records nothing).
   */
  public void start(LongSupplier residentBytes) {
    watch(residentBytes);
    long interval = settings.interval().toNanos();
    long aligned = interval - Math.floorMod(System.nanoTime(), interval);
    scheduled.add(TIMER.submit(this::tick));
    scheduled.add(TIMER.scheduleAtFixedRate(this::tick, aligned, interval, TimeUnit.NANOSECONDS));
  }

  /** Names the tree to sample, without a timer: {@link #tick} is then called by hand (tests). */
  void watch(LongSupplier residentBytes) {
    this.treeResidentBytes = residentBytes;
    eventLog.state("running", null);
  }

  /** A line the child printed on stdout; progress events among them are taken in. */
  public void onStdoutLine(String line) {
    stdout.line(line);
  }

  /** One sample, unless the monitor has stopped. */
  void tick() {
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
      pollSources();
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
          lastActivityNanos = clock.getAsLong();
        }
        samples++;
        s = snapshot();
      }
      eventLog.sample("running", s);
      progress.update(s);
      for (Limit limit : limits) {
        report(limit.onSample(this));
      }
    } catch (RuntimeException e) {
      log.warn("monitor sample failed: {}", e.toString());
    } finally {
      synchronized (this) {
        cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu0;
      }
    }
  }

  private void pollSources() {
    for (CostSource source : sources) {
      source.poll(this);
    }
  }

  @Override
  public void event(ChildEvent e) {
    synchronized (this) {
      events++;
      lastActivityNanos = clock.getAsLong();
      if (e.stage() != null) {
        stage = e.stage();
      }
      if (e.progress() != null) {
        percent = e.progress();
      }
    }
    eventLog.childEvent(e);
    if (e.cost() != null) {
      cost(e.cost(), "progress events");
    }
  }

  @Override
  public void cost(double usd, String source) {
    synchronized (this) {
      if (cost == null || usd >= cost) {
        cost = usd;
        costSource = source;
      }
    }
    for (Limit limit : limits) {
      report(limit.onCost(this));
    }
  }

  private void report(Violation v) {
    if (v == null) {
      return;
    }
    synchronized (this) {
      if (violation != null) {
        return;
      }
      violation = v;
    }
    log.info("limit crossed: {}", v.message());
    eventLog.state("stopping", v.message());
    onViolation.accept(v);
  }

  @Override
  public long nanoTime() {
    return clock.getAsLong();
  }

  @Override
  public synchronized long treeBytes() {
    return lastBytes;
  }

  @Override
  public long lastSignOfLifeNanos() {
    long output = lastOutputNanos.getAsLong();
    synchronized (this) {
      return Math.max(output, lastActivityNanos);
    }
  }

  @Override
  public synchronized Double cost() {
    return cost;
  }

  @Override
  public synchronized String costSource() {
    return costSource;
  }

  private Snapshot snapshot() {
    return new Snapshot((clock.getAsLong() - startNanos) / 1e9, stage, percent, cost, settings.budget(), lastBytes,
        settings.memoryLimitBytes(), files);
  }

  /** Stops sampling, takes in the last events and cost figures, and reports; {@code why} the run's child stopped. */
  public MonitorReport stop(StopReason why) {
    stopped = true;
    scheduled.forEach(f -> f.cancel(false));
    ticking.lock();
    ticking.unlock();
    pollSources();
    synchronized (this) {
      eventLog.state(why.label(), String.format(Locale.ROOT, "%d samples, %d child events, monitor cpu %d ms",
          samples, events, cpuNanos / 1_000_000));
    }
    eventLog.close();
    synchronized (this) {
      return new MonitorReport(peakBytes < 0 ? null : peakBytes, cost, costSource, violation, samples, events,
          cpuNanos / 1_000_000);
    }
  }
}
