package prodbridge.config;

/**
 * A setting's value that its type refuses (out of range, not a number, not a duration): the message
 * says what is wrong, never where; each reader (a flag, a config file, a batch file) adds where the
 * value was written.
 */
public final class InvalidValue extends IllegalArgumentException {
  public InvalidValue(String message) {
    super(message);
  }

  /** The same problem, with the text as written put in front: {@code "cheap": not a number}. */
  InvalidValue quoting(String text) {
    return new InvalidValue("\"" + text + "\": " + getMessage());
  }
}
