package prodbridge.supervise;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where one of the child's streams goes: appended to a log file as it arrives, with only a bounded tail kept in
 * memory. The time of the last byte is kept for stall detection. With a {@code scrub}, the file is written a line
 * at a time, each line rewritten by it first (so a secret the child prints never reaches the disk).
 */
public final class LogSink extends OutputStream {
  private final OutputStream file;
  private final ScrubbedLines scrubbed;
  private final TailBuffer tail;
  private final LineSplitter lines;
  private volatile long lastWriteNanos = System.nanoTime();

  /**
   * {@code lineListener} is told each complete line (UTF-8, without its newline), or is null; {@code scrub}
   * rewrites lines on their way to the file, or is null.
   */
  public LogSink(Path logFile, int tailBytes, java.util.function.Consumer<String> lineListener,
      java.util.function.UnaryOperator<String> scrub) throws IOException {
    this.file =
        Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    this.scrubbed = scrub == null ? null : new ScrubbedLines(file, scrub);
    this.tail = new TailBuffer(tailBytes);
    this.lines = lineListener == null ? null : new LineSplitter(lineListener);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (scrubbed != null) {
      scrubbed.write(b, off, len);
    } else {
      file.write(b, off, len);
    }
    tail.write(b, off, len);
    if (lines != null) {
      lines.accept(b, off, len);
    }
    lastWriteNanos = System.nanoTime();
  }

  @Override
  public void close() throws IOException {
    if (scrubbed != null) {
      scrubbed.flushPartialLine();
    }
    file.close();
  }

  public String tail() {
    return tail.text();
  }

  public long totalBytes() {
    return tail.totalBytes();
  }

  public long lastWriteNanos() {
    return lastWriteNanos;
  }
}
