package prodbridge.runs;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Run ids sort by start time and say what ran: {@code 20261121-093000-episode-3fa9c1}. */
public final class RunId {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final java.util.regex.Pattern FORM =
      java.util.regex.Pattern.compile("\\d{8}-\\d{6}-[a-z0-9-]{1,40}-[0-9a-f]{6}");

  private RunId() {}

  /**
   * {@code id} if it has the form of a run id (so it is safe as a directory name), else a usage
   * error.
   */
  static String validate(String id) {
    if (!FORM.matcher(id).matches()) {
      throw new prodbridge.config.UsageException(
          "\""
              + id
              + "\" is not a run id (like 20261121-093000-episode-3fa9c1); see prod-bridge runs");
    }
    return id;
  }

  static boolean isRunId(String id) {
    return id != null && FORM.matcher(id).matches();
  }

  public static String next(String command, ZonedDateTime now) {
    byte[] b = new byte[3];
    RANDOM.nextBytes(b);
    String what = command.startsWith("prod-") ? command.substring(5) : command;
    return STAMP.format(now.withZoneSameInstant(ZoneId.systemDefault()))
        + "-"
        + what
        + "-"
        + HexFormat.of().formatHex(b);
  }
}
