package prodbridge.supervise;

import java.nio.charset.StandardCharsets;

/**
 * The one rule by which a line of the child's bytes becomes text for a reader (the monitor's
 * events, from stdout or the events file): UTF-8, a malformed byte sequence replaced by U+FFFD, the
 * line end ({@code \n}, {@code \r\n}) left out. The logs themselves keep the child's bytes as they
 * are.
 */
public final class ChildLine {
  private ChildLine() {}

  /** The text of bytes {@code [from, to)}, one line with or without its end. */
  public static String decode(byte[] b, int from, int to) {
    int end = to;
    while (end > from && (b[end - 1] == '\n' || b[end - 1] == '\r')) {
      end--;
    }
    return new String(b, from, end - from, StandardCharsets.UTF_8);
  }
}
