package prodbridge.cli;

import java.io.PrintWriter;
import java.util.function.IntSupplier;

/**
 * The one live status line on a terminal's stderr (a run's progress, a batch's bar). It is cut to
 * the terminal's width less one column, so it never wraps into a second row that {@code \r} cannot
 * reach, and it steps aside while a log line goes out ({@link #aside}), so a WARN line is never
 * glued onto it. Erasing uses ECMA-48's "erase in line" ({@code ESC [ K}), which every terminal
 * emulator in use understands.
 */
final class LiveLine {
  private static final String ERASE = "\r\033[K";
  private static final Object LOCK = new Object();
  private static LiveLine active;

  private final PrintWriter err;
  private final IntSupplier width;
  private String shown = "";

  LiveLine(PrintWriter err, IntSupplier width) {
    this.err = err;
    this.width = width;
  }

  /** Shows {@code text} in place of what the line showed; an unchanged line is not redrawn. */
  void draw(String text) {
    synchronized (LOCK) {
      active = this;
      String fitted = fit(text, width.getAsInt());
      if (!fitted.equals(shown)) {
        err.print(ERASE + fitted);
        err.flush();
        shown = fitted;
      }
    }
  }

  /** Erases the line, for good: what comes next (a result, a summary) starts on a clean row. */
  void clear() {
    synchronized (LOCK) {
      err.print(ERASE);
      err.flush();
      shown = "";
      if (active == this) {
        active = null;
      }
    }
  }

  /**
   * Runs {@code write} (a log line going to stderr) with the live line erased before and drawn
   * again after.
   */
  static void aside(Runnable write) {
    synchronized (LOCK) {
      LiveLine line = active;
      boolean showing = line != null && !line.shown.isEmpty();
      if (showing) {
        line.err.print(ERASE);
        line.err.flush();
      }
      write.run();
      if (showing) {
        line.err.print(line.shown);
        line.err.flush();
      }
    }
  }

  /**
   * {@code text} cut to {@code columns - 1} columns (the last column would wrap on some terminals),
   * with an ellipsis.
   */
  static String fit(String text, int columns) {
    int max = Math.max(1, columns - 1);
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
  }
}
