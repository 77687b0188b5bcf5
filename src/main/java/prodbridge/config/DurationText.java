package prodbridge.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them: {@code 250ms}, {@code 2s}, {@code 30m}, {@code 1h}, {@code
 * 1h30m}, {@code 1.5h}.
 */
public final class DurationText {
  /**
   * The longest duration accepted anywhere (a year): longer ones are typos, and would overflow the
   * clocks.
   */
  public static final Duration MAXIMUM = Duration.ofHours(8760);

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  private DurationText() {}

  /** Parses a positive duration; throws {@link InvalidValue} with a message fit for the user. */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    Matcher m = PART.matcher(t);
    BigDecimal millis = BigDecimal.ZERO;
    int at = 0;
    while (at < t.length() && m.find(at) && m.start() == at) {
      millis = millis.add(part(new BigDecimal(m.group(1)), m.group(2)));
      at = m.end();
    }
    if (t.isEmpty() || at != t.length()) {
      throw new InvalidValue(
          "bad duration \"" + text + "\": use a number and a unit, like 250ms, 2s, 30m or 1h");
    }
    if (millis.compareTo(BigDecimal.valueOf(MAXIMUM.toMillis())) > 0) {
      throw new InvalidValue(
          "bad duration \"" + text + "\": at most " + format(MAXIMUM) + " (a year)");
    }
    Duration total = Duration.ofMillis(millis.longValue());
    if (total.isZero()) {
      throw new InvalidValue("bad duration \"" + text + "\": must be greater than zero");
    }
    return total;
  }

  private static BigDecimal part(BigDecimal amount, String unit) {
    long millisPerUnit =
        switch (unit) {
          case "ms" -> 1;
          case "s" -> 1_000;
          case "m" -> 60_000;
          default -> 3_600_000;
        };
    return amount.multiply(BigDecimal.valueOf(millisPerUnit));
  }

  /** The shortest exact text for a duration: 30m, 1h30m, 250ms, 2s500ms. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    long h = ms / 3_600_000;
    long m = ms / 60_000 % 60;
    long s = ms / 1000 % 60;
    long rest = ms % 1000;
    if (h > 0) sb.append(h).append('h');
    if (m > 0) sb.append(m).append('m');
    if (s > 0) sb.append(s).append('s');
    if (rest > 0) sb.append(rest).append("ms");
    return sb.toString();
  }
}
