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
 * Watches a live run every interval, on one timer thread shared by every run this process watches.
 * Each tick polls the {@link CostSource}s (stdout events arrive between ticks), samples the tree's
 * memory and the output directory, appends what it saw to {@code events.jsonl}, and asks each
 * {@link Limit}; a cost reading asks them at once. The first violation is reported once to {@code
 * onViolation}.
 */
public final class RunMonitor implements CostSource.Readings {
  private static final Logger log = LoggerFactory.getLogger(RunMonitor.class);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * One thread ticks every monitor of this process; ticks fall on multiples of the interval, so
   * they coincide.
   */
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "prod-bridge-monitor");
            t.setDaemon(true);
            return t;
          });

  private final MonitorLimits settings;
  private final Limit[] limits;
  private final StdoutEvents stdout;
  private final CostSource[] sources;
  private final Readout seen;
  private final EventLog eventLog;
  private final OutputWatch outputs;
  private final ProgressListener progress;
  private final Consumer<Violation> onViolation;
  private final ReentrantLock ticking = new ReentrantLock();
  private final List<Future<?>> scheduled = new CopyOnWriteArrayList<>();
  private volatile boolean stopped;
  private LongSupplier treeResidentBytes = () -> 0;
  private Violation violation;
  private long cpuNanos;

  /**
   * {@code outputDir}, {@code costFile} and {@code childEventsFile} may be null; {@code
   * lastOutputNanos} tells when the child last wrote a byte to stdout or stderr; {@code scrub}
   * removes secrets from the child's text.
   */
  public RunMonitor(
      MonitorLimits limits,
      Path eventsJsonl,
      Path outputDir,
      CostFile costFile,
      Path childEventsFile,
      LongSupplier lastOutputNanos,
      ProgressListener progress,
      Consumer<Violation> onViolation,
      UnaryOperator<String> scrub)
      throws IOException {
    this(
        limits,
        eventsJsonl,
        outputDir,
        costFile,
        childEventsFile,
        lastOutputNanos,
        progress,
        onViolation,
        scrub,
        System::nanoTime);
  }

  /**
   * As above, with the clock that times stalls and samples ({@link System#nanoTime} but in tests).
   */
  RunMonitor(
      MonitorLimits limits,
      Path eventsJsonl,
      Path outputDir,
      CostFile costFile,
      Path childEventsFile,
      LongSupplier lastOutputNanos,
      ProgressListener progress,
      Consumer<Violation> onViolation,
      UnaryOperator<String> scrub,
      LongSupplier clock)
      throws IOException {
    this.settings = limits;
    this.limits = limits.parts().toArray(new Limit[0]);
    this.stdout = new StdoutEvents(this);
    List<CostSource> all = new ArrayList<>(List.of(stdout, new EventsFile(childEventsFile)));
    if (costFile != null) {
      all.add(new CostFileSource(costFile));
    }
    this.sources = all.toArray(new CostSource[0]);
    this.seen = new Readout(clock, lastOutputNanos);
    this.eventLog = new EventLog(eventsJsonl, scrub);
    this.outputs = new OutputWatch(outputDir);
    this.progress = progress;
    this.onViolation = onViolation;
  }

  /**
   * Starts sampling the tree whose summed resident memory {@code residentBytes} reads (one /proc
   * pass a call; negative when the tree has no live process left, and then the tick records
   * nothing).
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
        // the tree is gone (the supervisor is ending the run), or its child is still between fork
        // and exec:
        // nothing to sample yet
        return;
      }
      Snapshot s = seen.sample(bytes, outputs.scan(), settings);
      eventLog.sample("running", s);
      progress.update(s);
      for (Limit limit : limits) {
        report(limit.onSample(seen));
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
    seen.event(e);
    eventLog.childEvent(e);
    if (e.cost() != null) {
      cost(e.cost(), "progress events");
    }
  }

  @Override
  public void cost(double usd, String source) {
    seen.cost(usd, source);
    for (Limit limit : limits) {
      report(limit.onCost(seen));
    }
  }

  /** Tells the first violation, once. */
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

  /**
   * Stops sampling, takes in the last events and cost figures, and reports; {@code why} the run's
   * child stopped.
   */
  public MonitorReport stop(StopReason why) {
    stopped = true;
    scheduled.forEach(f -> f.cancel(false));
    ticking.lock();
    ticking.unlock();
    pollSources();
    long cpuMillis;
    synchronized (this) {
      cpuMillis = cpuNanos / 1_000_000;
    }
    eventLog.state(
        why.label(),
        String.format(
            Locale.ROOT,
            "%d samples, %d child events, monitor cpu %d ms",
            seen.samples(),
            seen.events(),
            cpuMillis));
    eventLog.close();
    synchronized (this) {
      return seen.report(violation, cpuMillis);
    }
  }
}
