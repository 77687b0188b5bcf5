package prodbridge.runs;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;
import prodbridge.config.UsageException;

/**
 * Episode ids: {@code ep_YYYYMMDD_HHMMSS_<8 hex>} like the real pipeline's, safe as a file name.
 */
public final class EpisodeId {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");
  private static final SecureRandom RANDOM = new SecureRandom();

  private EpisodeId() {}

  public static String generate(ZonedDateTime now) {
    byte[] b = new byte[4];
    RANDOM.nextBytes(b);
    return "ep_"
        + STAMP.format(now.withZoneSameInstant(ZoneId.systemDefault()))
        + "_"
        + HexFormat.of().formatHex(b);
  }

  /** Returns the id when it is safe as one directory name; a usage error otherwise. */
  public static String validate(String id) {
    if (id == null || !SAFE.matcher(id).matches() || id.contains("..")) {
      throw new UsageException(
          "--episode-id \""
              + id
              + "\": use letters, digits, '_', '-' and '.' only"
              + " (no path separators, no '..', at most 100 characters)");
    }
    return id;
  }
}
