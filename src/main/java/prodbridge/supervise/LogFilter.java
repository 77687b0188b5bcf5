package prodbridge.supervise;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Passes one of the child's streams to its log a chunk at a time. Complete lines go out in one
 * write, except those that hold a secret word ({@link SecretWords}), which are rewritten by {@code
 * scrub} first (read as ISO-8859-1, one char per byte, so other bytes come back unchanged), and
 * those whose first non-blank byte is '{', which are also told to {@code events} as text ({@link
 * ChildLine}). An unfinished last line waits for its end, up to 64 KB; a longer line is passed on
 * in 64 KB pieces, so memory stays bounded whatever the child prints.
 */
final class LogFilter {
  static final int MAX_LINE_BYTES = 64 * 1024;
  private final LogFile out;
  private final UnaryOperator<String> scrub;
  private final Consumer<String> events;
  private final byte[] pending;
  private int pendingLength;

  /** {@code scrub} and {@code events} may be null: then nothing is rewritten, or nobody is told. */
  LogFilter(LogFile out, UnaryOperator<String> scrub, Consumer<String> events) {
    this.out = out;
    this.scrub = scrub;
    this.events = events;
    this.pending = scrub == null && events == null ? new byte[0] : new byte[MAX_LINE_BYTES];
  }

  void accept(byte[] b, int off, int len) {
    int end = off + len;
    if (scrub == null && events == null) {
      out.write(b, off, len);
      out.flush();
      return;
    }
    int i = off;
    if (pendingLength > 0) {
      int newline = indexOfNewline(b, off, end);
      if (newline < 0) {
        hold(b, off, end);
        return;
      }
      hold(b, off, newline + 1);
      line(pending, 0, pendingLength);
      pendingLength = 0;
      i = newline + 1;
    }
    int last = end - 1;
    while (last >= i && b[last] != '\n') {
      last--;
    }
    if (last >= i) {
      lines(b, i, last + 1);
    }
    hold(b, last + 1, end);
    out.flush();
  }

  /** Writes what is left of an unfinished last line, when the stream ends. */
  void finish() {
    if (pendingLength > 0) {
      line(pending, 0, pendingLength);
      pendingLength = 0;
    }
    out.flush();
  }

  /**
   * Complete lines {@code [from, to)}, {@code b[to - 1]} a newline: one write, but for the lines to
   * look at.
   */
  private void lines(byte[] b, int from, int to) {
    int written = from;
    for (int i = SecretWords.nextAnchor(b, from, to);
        i < to;
        i = SecretWords.nextAnchor(b, i + 1, to)) {
      boolean look =
          b[i] == '{'
              ? events != null && blankBefore(b, i, from)
              : scrub != null && SecretWords.at(b, i, from, to);
      if (look) {
        int start = i;
        while (start > from && b[start - 1] != '\n') {
          start--;
        }
        int end = indexOfNewline(b, i, to) + 1;
        out.write(b, written, start - written);
        line(b, start, end);
        written = end;
        i = end - 1;
      }
    }
    out.write(b, written, to - written);
  }

  /** One line (or a piece of a long one), with its newline if it has one. */
  private void line(byte[] b, int from, int to) {
    if (events != null) {
      int first = from;
      while (first < to && (b[first] == ' ' || b[first] == '\t')) {
        first++;
      }
      if (first < to && b[first] == '{') {
        try {
          events.accept(ChildLine.decode(b, from, to));
        } catch (RuntimeException e) {
          // a listener's bug must not stop the output reaching the log
        }
      }
    }
    if (scrub != null && SecretWords.anywhere(b, from, to)) {
      String raw = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
      String clean = scrub.apply(raw);
      if (clean != raw && !clean.equals(raw)) {
        byte[] bytes = clean.getBytes(StandardCharsets.ISO_8859_1);
        out.write(bytes, 0, bytes.length);
        return;
      }
    }
    out.write(b, from, to - from);
  }

  private void hold(byte[] b, int from, int to) {
    while (from < to) {
      int n = Math.min(to - from, pending.length - pendingLength);
      System.arraycopy(b, from, pending, pendingLength, n);
      pendingLength += n;
      from += n;
      if (pendingLength == pending.length) {
        line(pending, 0, pendingLength);
        pendingLength = 0;
      }
    }
  }

  private static boolean blankBefore(byte[] b, int i, int from) {
    for (int j = i - 1; j >= from && b[j] != '\n'; j--) {
      if (b[j] != ' ' && b[j] != '\t') {
        return false;
      }
    }
    return true;
  }

  private static int indexOfNewline(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
