package prodbridge.monitor;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The file a child may append events to instead of printing them (its path is in {@code PROD_BRIDGE_EVENTS_FILE}):
 * each poll returns the complete lines added since the last one. A partial last line waits for its newline.
 */
final class ChildEventFile {
  private static final int MAX_READ = 1 << 20;
  private final Path path;
  private long offset;

  ChildEventFile(Path path) {
    this.path = path;
  }

  List<String> newLines() {
    List<String> lines = new ArrayList<>();
    if (path == null || !Files.isRegularFile(path)) {
      return lines;
    }
    try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "r")) {
      long length = f.length();
      if (length < offset) {
        offset = 0;
      }
      int n = (int) Math.min(MAX_READ, length - offset);
      byte[] b = new byte[n];
      f.seek(offset);
      f.readFully(b);
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (b[i] == '\n') {
          lines.add(new String(b, start, i - start, StandardCharsets.UTF_8));
          start = i + 1;
        }
      }
      offset += start;
    } catch (IOException e) {
      // the child may be rewriting it; next poll
    }
    return lines;
  }
}
