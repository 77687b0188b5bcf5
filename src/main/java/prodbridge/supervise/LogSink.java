package prodbridge.supervise;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Where one of the child's streams goes: appended to a log file a chunk at a time through {@link
 * LogFilter}, with only a bounded tail kept in memory, and the time of the last byte kept for stall
 * detection. It never throws on a write: a log that cannot be written is reported by {@link
 * #failure()} while the stream is still drained.
 */
public final class LogSink extends OutputStream {
  private final LogFile file;
  private final LogFilter filter;
  private final TailBuffer tail;
  private volatile long lastWriteNanos = System.nanoTime();

  /**
   * {@code eventLines} is told each complete line whose first non-blank character is '{' (UTF-8,
   * without its newline), or is null; {@code scrub} rewrites lines that may hold a secret on their
   * way to the file, or is null.
   */
  public LogSink(
      Path logFile, int tailBytes, Consumer<String> eventLines, UnaryOperator<String> scrub)
      throws IOException {
    this.file = new LogFile(logFile);
    this.filter = new LogFilter(file, scrub, eventLines);
    this.tail = new TailBuffer(tailBytes);
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    filter.accept(b, off, len);
    tail.write(b, off, len);
    lastWriteNanos = System.nanoTime();
  }

  @Override
  public synchronized void close() {
    filter.finish();
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

  /** Why the log file lost bytes, or null when it has every byte. */
  public LogFailure failure() {
    return file.failure();
  }
}
