package prodbridge.monitor;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * The cost a run reached, read back from where the child left it after its supervisor is gone: the
 * last progress event with a cost on stdout or in the events file, and the cost file. Costs are
 * cumulative, so the highest wins.
 */
public final class CostSources {
  private static final int TAIL_BYTES = 256 * 1024;

  private CostSources() {}

  /**
   * The highest cumulative cost any source shows; empty when none shows one. {@code costFile} may
   * be null.
   */
  public static OptionalDouble lastKnown(Path stdoutLog, Path childEventsFile, CostFile costFile) {
    double best = -1;
    for (Path log : new Path[] {stdoutLog, childEventsFile}) {
      for (String line : tail(log).split("\n")) {
        Double c = ChildEvent.parse(line).map(ChildEvent::cost).orElse(null);
        if (c != null) {
          best = Math.max(best, c);
        }
      }
    }
    if (costFile != null) {
      OptionalDouble c = costFile.read();
      if (c.isPresent()) {
        best = Math.max(best, c.getAsDouble());
      }
    }
    return best < 0 ? OptionalDouble.empty() : OptionalDouble.of(best);
  }

  /** The last {@value #TAIL_BYTES} bytes of {@code file} as text, or "" when it cannot be read. */
  public static String tail(Path file) {
    return tail(file, TAIL_BYTES);
  }

  /** The last {@code bytes} bytes of {@code file} as text, or "" when it cannot be read. */
  public static String tail(Path file, int bytes) {
    if (file == null || !Files.isRegularFile(file)) {
      return "";
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, f.length() - bytes);
      byte[] b = new byte[(int) (f.length() - start)];
      f.seek(start);
      f.readFully(b);
      return new String(b, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
