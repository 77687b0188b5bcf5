package prodbridge.config;

import java.time.Duration;

/** How often a run is sampled: a duration of at least 100 ms (sampling a tree costs 20-120 ms of CPU). */
public record MonitorInterval(Duration value) {
  public static final Duration MINIMUM = Duration.ofMillis(100);

  public MonitorInterval {
    if (value.compareTo(MINIMUM) < 0) {
      throw new IllegalArgumentException("must be at least 100ms");
    }
  }

  /** Reads a duration ({@link DurationText}) and checks the minimum; the message names the text. */
  public static MonitorInterval parse(String text) {
    Duration d = DurationText.parse(text);
    try {
      return new MonitorInterval(d);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("monitor interval \"" + text + "\": " + e.getMessage());
    }
  }
}
