package prodbridge.config;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A memory size: {@code 512MB}, {@code 2GB}, {@code 1.5g}; 1024-based and case-insensitive. */
public record ByteSize(long bytes) {
  private static final Pattern TEXT =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)");

  /**
   * The largest size accepted (1024 TB): more is a typo, and more than a long holds in bytes soon
   * after.
   */
  public static final long MAXIMUM = 1L << 50;

  private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

  /**
   * Refuses a size of zero or less, or over {@link #MAXIMUM}, with {@link InvalidValue}: the one
   * place of both.
   */
  public ByteSize {
    if (bytes <= 0) {
      throw new InvalidValue("must be greater than zero");
    }
    if (bytes > MAXIMUM) {
      throw new InvalidValue("at most 1024TB");
    }
  }

  /** Reads {@code 512MB} or {@code 1.5g}; the message names the text and what is wrong with it. */
  public static ByteSize parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    Matcher m = TEXT.matcher(t);
    if (!m.matches()) {
      throw new InvalidValue(
          "bad size \"" + text + "\": use a number and a unit, like 512MB or 2GB");
    }
    int power = "bkmgt".indexOf(m.group(2).charAt(0));
    BigDecimal exact = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
    // A size over the maximum may not fit a long: it becomes one the constructor refuses, whatever
    // its fraction.
    long bytes =
        exact.compareTo(BigDecimal.valueOf(MAXIMUM)) > 0 ? Long.MAX_VALUE : exact.longValue();
    try {
      return new ByteSize(bytes);
    } catch (InvalidValue e) {
      throw new InvalidValue("bad size \"" + text + "\": " + e.getMessage());
    }
  }

  public long megabytes() {
    return bytes / (1024 * 1024);
  }

  /** The largest unit that states the size exactly: 512MB, 2GB, 1536KB. */
  @Override
  public String toString() {
    int unit = 0;
    long n = bytes;
    while (unit < UNITS.length - 1 && n % 1024 == 0) {
      n /= 1024;
      unit++;
    }
    return n + UNITS[unit];
  }
}
