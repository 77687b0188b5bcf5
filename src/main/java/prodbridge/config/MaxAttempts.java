package prodbridge.config;

/**
 * How many attempts a run gets in all, 1 to 20 (each attempt may spend minutes and money): the one
 * place that rule lives, for {@code --max-attempts} and {@code retry.max_attempts} alike.
 */
public record MaxAttempts(int count) {
  public static final int MINIMUM = 1;
  public static final int MAXIMUM = 20;
  static final String RANGE = "expected a whole number from " + MINIMUM + " to " + MAXIMUM;

  /** Refuses a count outside {@link #MINIMUM} to {@link #MAXIMUM} with {@link InvalidValue}. */
  public MaxAttempts {
    if (count < MINIMUM || count > MAXIMUM) {
      throw new InvalidValue(RANGE);
    }
  }

  /**
   * A count read as a long (as a JSON number is), refused when out of range rather than cut to an
   * int.
   */
  static MaxAttempts of(long count) {
    if (count < MINIMUM || count > MAXIMUM) {
      throw new InvalidValue(RANGE);
    }
    return new MaxAttempts((int) count);
  }

  /** Reads {@code 3}; the message names the text and the allowed range. */
  public static MaxAttempts parse(String text) {
    try {
      return of(Long.parseLong(text == null ? "" : text.trim()));
    } catch (NumberFormatException | InvalidValue e) {
      throw new InvalidValue(RANGE).quoting(text);
    }
  }
}
