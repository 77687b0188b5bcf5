package prodbridge.config;

import java.time.Duration;

/**
 * How often a run is sampled: a duration of at least 100 ms (sampling a tree costs 20-120 ms of
 * CPU).
 */
public record MonitorInterval(Duration value) {
  public static final Duration MINIMUM = Duration.ofMillis(100);

  /**
   * Refuses an interval under {@link #MINIMUM} with {@link InvalidValue}: the one place that
   * minimum is checked.
   */
  public MonitorInterval {
    if (value.compareTo(MINIMUM) < 0) {
      throw new InvalidValue("must be at least " + DurationText.format(MINIMUM));
    }
  }

  /** Reads a duration ({@link DurationText}) and checks the minimum; the message names the text. */
  public static MonitorInterval parse(String text) {
    Duration d = DurationText.parse(text);
    try {
      return new MonitorInterval(d);
    } catch (InvalidValue e) {
      throw new InvalidValue("monitor interval \"" + text + "\": " + e.getMessage());
    }
  }

  /**
   * An interval from an optional duration: null stays null (not set), anything else must be long
   * enough.
   */
  public static MonitorInterval ofNullable(Duration value) {
    return value == null ? null : new MonitorInterval(value);
  }
}
