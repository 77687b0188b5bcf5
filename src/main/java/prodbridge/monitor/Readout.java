package prodbridge.monitor;

import java.util.function.LongSupplier;

/**
 * What the monitor has seen of one run so far (memory, files, cost, stage, signs of life), kept up
 * to date by the readings and samples and read by the {@link Limit}s. Thread-safe: the timer thread
 * samples while the stdout pump hands on events.
 */
final class Readout implements Gauges {
  private final LongSupplier clock;
  private final LongSupplier lastOutputNanos;
  private final long startNanos;
  private long lastActivityNanos;
  private long peakBytes = -1;
  private long lastBytes;
  private int files;
  private Double cost;
  private String costSource;
  private String stage;
  private Integer percent;
  private int samples;
  private int events;

  /** {@code lastOutputNanos} tells when the child last wrote a byte, in {@code clock}'s time. */
  Readout(LongSupplier clock, LongSupplier lastOutputNanos) {
    this.clock = clock;
    this.lastOutputNanos = lastOutputNanos;
    this.startNanos = clock.getAsLong();
    this.lastActivityNanos = startNanos;
  }

  synchronized void event(ChildEvent e) {
    events++;
    lastActivityNanos = clock.getAsLong();
    if (e.stage() != null) {
      stage = e.stage();
    }
    if (e.progress() != null) {
      percent = e.progress();
    }
  }

  /** A cumulative cost: the highest seen counts. */
  synchronized void cost(double usd, String source) {
    if (cost == null || usd >= cost) {
      cost = usd;
      costSource = source;
    }
  }

  /**
   * One sample of the live tree ({@code bytes} > 0) and its output directory; the run as it now
   * stands.
   */
  synchronized Snapshot sample(long bytes, OutputWatch.Scan scan, MonitorLimits limits) {
    lastBytes = bytes;
    peakBytes = Math.max(peakBytes, bytes);
    files = scan.files();
    if (scan.changed() > 0) {
      lastActivityNanos = clock.getAsLong();
    }
    samples++;
    return new Snapshot(
        (clock.getAsLong() - startNanos) / 1e9,
        stage,
        percent,
        cost,
        limits.budget(),
        lastBytes,
        limits.memoryLimitBytes(),
        files);
  }

  synchronized MonitorReport report(Violation violation, long cpuMillis) {
    return new MonitorReport(
        peakBytes < 0 ? null : peakBytes, cost, costSource, violation, samples, events, cpuMillis);
  }

  synchronized int samples() {
    return samples;
  }

  synchronized int events() {
    return events;
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
  public synchronized int files() {
    return files;
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
}
