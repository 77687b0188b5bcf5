package prodbridge.monitor;

import java.time.Duration;
import java.util.Locale;
import prodbridge.supervise.StopReason;

/**
 * The child must show a sign of life (an output byte, an event, a changed output file) at least
 * every {@code timeout}.
 */
record StallLimit(Duration timeout) implements Limit {
  @Override
  public Violation onSample(Gauges now) {
    long silentNanos = now.nanoTime() - now.lastSignOfLifeNanos();
    return silentNanos <= timeout.toNanos()
        ? null
        : new Violation(
            StopReason.STALLED,
            String.format(
                Locale.ROOT,
                "no output, event or file change for %.1fs (stall timeout %.1fs)",
                silentNanos / 1e9,
                timeout.toMillis() / 1000.0));
  }
}
