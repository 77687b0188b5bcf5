package prodbridge.runs;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Run ids sort by start time and say what ran: {@code 20261121-093000-episode-3fa9c1}. */
final class RunId {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunId() {}

  static String next(String command, ZonedDateTime now) {
    byte[] b = new byte[3];
    RANDOM.nextBytes(b);
    String what = command.startsWith("prod-") ? command.substring(5) : command;
    return STAMP.format(now.withZoneSameInstant(ZoneId.systemDefault())) + "-" + what + "-"
        + HexFormat.of().formatHex(b);
  }
}
