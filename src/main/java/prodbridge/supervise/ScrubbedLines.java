package prodbridge.supervise;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Writes a byte stream to {@code out} a line at a time, each line passed through {@code scrub} first. Lines are read
 * as ISO-8859-1, one char per byte, so whatever the child's encoding its bytes come back unchanged unless the scrub
 * rewrote them; a line longer than 64 KB is written in pieces, so memory stays bounded. What a chunk completed is
 * flushed at the end of the chunk, so the log is never behind by more than an unfinished line.
 */
final class ScrubbedLines {
  private final OutputStream out;
  private final UnaryOperator<String> scrub;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

  ScrubbedLines(OutputStream out, UnaryOperator<String> scrub) {
    this.out = new java.io.BufferedOutputStream(out, 1 << 16);
    this.scrub = scrub;
  }

  void write(byte[] b, int off, int len) throws IOException {
    int start = off;
    int pending = line.size();
    for (int i = off; i < off + len; i++) {
      boolean newline = b[i] == '\n';
      if (newline || pending + (i - start) >= LineSplitter.MAX_LINE_BYTES) {
        int end = newline ? i + 1 : i;
        if (pending == 0) {
          emit(b, start, end - start);
        } else {
          line.write(b, start, end - start);
          emit(line.toByteArray(), 0, line.size());
          line.reset();
          pending = 0;
        }
        start = end;
      }
    }
    line.write(b, start, off + len - start);
    out.flush();
  }

  /** Writes what is left of an unfinished last line, when the stream ends. */
  void flushPartialLine() throws IOException {
    if (line.size() > 0) {
      emit(line.toByteArray(), 0, line.size());
      line.reset();
    }
    out.flush();
  }

  private void emit(byte[] b, int off, int len) throws IOException {
    String raw = new String(b, off, len, StandardCharsets.ISO_8859_1);
    String clean = scrub.apply(raw);
    if (clean == raw) {
      out.write(b, off, len);
    } else {
      out.write(clean.getBytes(StandardCharsets.ISO_8859_1));
    }
  }
}
