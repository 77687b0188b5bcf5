package prodbridge.monitor;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import prodbridge.supervise.ChildLine;

/**
 * The file a child may append events to instead of printing them (its path is in {@code
 * PROD_BRIDGE_EVENTS_FILE}): each poll takes in the complete lines added since the last one (up to
 * 1 MB a poll). A partial last line waits for its newline; a file that shrank is read again from
 * its start.
 */
final class EventsFile implements CostSource {
  private static final int MAX_READ = 1 << 20;
  private final Path path;
  private long offset;

  /** {@code path} may be null: then there is nothing to read. */
  EventsFile(Path path) {
    this.path = path;
  }

  @Override
  public void poll(Readings to) {
    if (path == null || !Files.isRegularFile(path)) {
      return;
    }
    byte[] b;
    int n;
    try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "r")) {
      long length = f.length();
      if (length < offset) {
        offset = 0;
      }
      n = (int) Math.min(MAX_READ, length - offset);
      if (n == 0) {
        return;
      }
      b = new byte[n];
      f.seek(offset);
      f.readFully(b);
    } catch (IOException e) {
      return; // the child may be rewriting it; next poll
    }
    int end = n;
    while (end > 0 && b[end - 1] != '\n') {
      end--;
    }
    offset +=
        end; // before the events are told, so a listener that throws cannot make them come twice
    for (int start = 0, i = 0; i < end; i++) {
      if (b[i] == '\n') {
        Optional<ChildEvent> e = ChildEvent.parse(ChildLine.decode(b, start, i));
        if (e.isPresent()) {
          to.event(e.get());
        }
        start = i + 1;
      }
    }
  }
}
