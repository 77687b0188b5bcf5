package prodbridge.monitor;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/** The end of a file the child wrote, as text: what a run read back after the fact looks at. */
public final class FileTail {
  /** How much of a log or events file is read back for its last events. */
  static final int EVENTS_BYTES = 256 * 1024;

  private FileTail() {}

  /** The last {@code bytes} bytes of {@code file} as text, or "" when it cannot be read. */
  public static String of(Path file, int bytes) {
    if (file == null || !Files.isRegularFile(file)) {
      return "";
    }
    try {
      return read(file, bytes);
    } catch (IOException e) {
      return "";
    }
  }

  /** The last {@code bytes} bytes of {@code file} as text (UTF-8, a cut character replaced). */
  public static String read(Path file, int bytes) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, f.length() - bytes);
      byte[] b = new byte[(int) (f.length() - start)];
      f.seek(start);
      f.readFully(b);
      return new String(b, StandardCharsets.UTF_8);
    }
  }

  /** The highest cost stated by a progress event among the last lines of {@code file}. */
  static OptionalDouble highestEventCost(Path file) {
    return FileTail.of(file, EVENTS_BYTES)
        .lines()
        .map(line -> ChildEvent.parse(line).map(ChildEvent::cost).orElse(null))
        .filter(c -> c != null)
        .mapToDouble(Double::doubleValue)
        .max();
  }
}
