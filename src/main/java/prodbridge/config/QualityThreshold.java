package prodbridge.config;

import java.math.BigDecimal;

/**
 * The lowest acceptable quality score, 0 to 10: one rule for the command line, the config file and
 * batch files.
 */
public record QualityThreshold(double score) {
  public static final double MINIMUM = 0;
  public static final double MAXIMUM = 10;

  /**
   * Refuses a score outside {@link #MINIMUM} to {@link #MAXIMUM} (and NaN) with {@link
   * InvalidValue}.
   */
  public QualityThreshold {
    if (!(score >= MINIMUM && score <= MAXIMUM)) {
      throw new InvalidValue("must be between 0 and 10");
    }
  }

  /** Reads {@code 8} or {@code 8.5}; the message names the text and the allowed range. */
  public static QualityThreshold parse(String text) {
    double score;
    try {
      score = new BigDecimal(text == null ? "" : text.strip()).doubleValue();
    } catch (NumberFormatException e) {
      throw new InvalidValue("not a number").quoting(text);
    }
    try {
      return new QualityThreshold(score);
    } catch (InvalidValue e) {
      throw e.quoting(text);
    }
  }

  /**
   * A threshold from an optional score: null stays null (not set), anything else must be in range.
   */
  public static QualityThreshold ofNullable(Double score) {
    return score == null ? null : new QualityThreshold(score);
  }
}
