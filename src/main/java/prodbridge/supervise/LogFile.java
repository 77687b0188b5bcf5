package prodbridge.supervise;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A log file appended to through a 64 KB buffer that never throws: once a write fails (disk full,
 * I/O error), the error is kept and every later byte is dropped and counted, so the pump keeps
 * draining the child's pipe.
 */
final class LogFile {
  private static final Logger log = LoggerFactory.getLogger(LogFile.class);
  private final Path path;
  private final OutputStream out;
  private volatile String error;
  private volatile long dropped;

  LogFile(Path path) throws IOException {
    this.path = path;
    this.out =
        new BufferedOutputStream(
            new FileOutputStream(path.toFile(), true), OutputPumps.CHUNK_BYTES);
  }

  void write(byte[] b, int off, int len) {
    if (len <= 0) {
      return;
    }
    if (error != null) {
      dropped += len;
      return;
    }
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      fail(e, len);
    }
  }

  void flush() {
    if (error == null) {
      try {
        out.flush();
      } catch (IOException e) {
        fail(e, 0);
      }
    }
  }

  void close() {
    flush();
    try {
      out.close();
    } catch (IOException e) {
      if (error == null) {
        fail(e, 0);
      }
    }
  }

  /** The failure, or null while every byte has reached the file. */
  LogFailure failure() {
    String e = error;
    return e == null ? null : new LogFailure(path.toString(), e, dropped);
  }

  private void fail(IOException e, int len) {
    error = e.getMessage() == null ? e.toString() : e.getMessage();
    dropped += len;
    log.warn(
        "cannot write {}: {}; the child's output is drained and dropped from now on", path, error);
  }
}
