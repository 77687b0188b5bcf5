package prodbridge.config;

import java.math.BigDecimal;

/** The lowest acceptable quality score, 0 to 10: one rule for the command line, the config file and batch files. */
public record QualityThreshold(double score) {
  public QualityThreshold {
    if (!(score >= 0 && score <= 10)) {
      throw new IllegalArgumentException("must be between 0 and 10");
    }
  }

  /** Reads {@code 8} or {@code 8.5}; the message names the text and the allowed range. */
  public static QualityThreshold parse(String text) {
    double score;
    try {
      score = new BigDecimal(text == null ? "" : text.strip()).doubleValue();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + text + "\": not a number");
    }
    try {
      return new QualityThreshold(score);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"" + text + "\": " + e.getMessage());
    }
  }
}
