package prodbridge.config;

import java.math.BigDecimal;

/**
 * A cost budget in USD, from one cent to a million: the one place that rule lives, for the command
 * line, the config file and the batch file alike. Under a cent no pipeline step fits; {@code 1e999}
 * is not a budget but a typo.
 */
public record Budget(double usd) {
  public static final double MINIMUM = 0.01;
  public static final double MAXIMUM = 1_000_000;

  /**
   * Refuses a budget outside {@link #MINIMUM} to {@link #MAXIMUM} (and NaN) with {@link
   * InvalidValue}.
   */
  public Budget {
    if (!(usd >= MINIMUM && usd <= MAXIMUM)) {
      throw new InvalidValue("must be from " + MINIMUM + " to " + (long) MAXIMUM + " (USD)");
    }
  }

  /**
   * Reads {@code 5}, {@code 5.51} or {@code $5.51}; the message names the text and the allowed
   * range.
   */
  public static Budget parse(String text) {
    String t = text == null ? "" : text.strip();
    double usd;
    try {
      usd = new BigDecimal(t.startsWith("$") ? t.substring(1) : t).doubleValue();
    } catch (NumberFormatException e) {
      throw new InvalidValue("not a number (USD)").quoting(text);
    }
    try {
      return new Budget(usd);
    } catch (InvalidValue e) {
      throw e.quoting(text);
    }
  }

  /**
   * A budget from an optional amount: null stays null (not set), anything else must be in range.
   */
  public static Budget ofNullable(Double usd) {
    return usd == null ? null : new Budget(usd);
  }
}
