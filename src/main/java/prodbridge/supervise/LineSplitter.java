package prodbridge.supervise;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Cuts a byte stream into UTF-8 lines; a line longer than 64 KB is passed on in pieces, so memory stays bounded. */
final class LineSplitter {
  static final int MAX_LINE_BYTES = 64 * 1024;
  private final Consumer<String> listener;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

  LineSplitter(Consumer<String> listener) {
    this.listener = listener;
  }

  void accept(byte[] b, int off, int len) {
    int start = off;
    int pending = line.size();
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        line.write(b, start, i - start);
        emit();
        start = i + 1;
        pending = 0;
      } else if (pending + (i - start) >= MAX_LINE_BYTES) {
        line.write(b, start, i - start);
        emit();
        start = i;
        pending = 0;
      }
    }
    line.write(b, start, off + len - start);
  }

  private void emit() {
    String s = line.toString(StandardCharsets.UTF_8);
    line.reset();
    try {
      listener.accept(s.endsWith("\r") ? s.substring(0, s.length() - 1) : s);
    } catch (RuntimeException e) {
      // a listener's bug must not stop the output reaching the log
    }
  }
}
