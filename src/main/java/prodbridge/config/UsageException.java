package prodbridge.config;

/**
 * Bad input from the user (flags, config, ids): exit 2 with this one-line message, nothing started.
 */
public class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
