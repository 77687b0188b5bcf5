package prodbridge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The width in columns of the terminal on stderr: {@code $COLUMNS} when set, else what {@code stty
 * size} says of that terminal (asked again at most once a second, so a resized window is followed;
 * a failed check keeps the last width known), else 80.
 */
final class TerminalWidth implements IntSupplier {
  static final int FALLBACK = 80;
  private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Map<String, String> env;
  private int columns;
  private long checkedAt;

  TerminalWidth(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public synchronized int getAsInt() {
    long now = System.nanoTime();
    if (columns == 0 || now - checkedAt > RECHECK_NANOS) {
      int measured = measure();
      if (measured > 0) {
        columns = measured;
      } else if (columns == 0) {
        columns = FALLBACK;
      }
      checkedAt = now;
    }
    return columns;
  }

  /** The width now, or 0 when it cannot be told. */
  private int measure() {
    Integer fromEnv = positive(env.get("COLUMNS"));
    if (fromEnv != null) {
      return fromEnv;
    }
    try {
      Path tty = Files.readSymbolicLink(Path.of("/proc/self/fd/2"));
      Process stty =
          new ProcessBuilder("stty", "-F", tty.toString(), "size")
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      String out = new String(stty.getInputStream().readAllBytes()).strip();
      if (stty.waitFor(2, TimeUnit.SECONDS) && stty.exitValue() == 0) {
        String[] rowsCols = out.split("\\s+");
        Integer cols = rowsCols.length == 2 ? positive(rowsCols[1]) : null;
        if (cols != null) {
          return cols;
        }
      }
    } catch (Exception e) {
      // not a terminal stty can read: the fallback below
    }
    return 0;
  }

  private static Integer positive(String text) {
    try {
      int n = Integer.parseInt(text == null ? "" : text.strip());
      return n > 0 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
