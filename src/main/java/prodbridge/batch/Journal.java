package prodbridge.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import prodbridge.runs.ResultJson;

/**
 * A batch's journal: appended one line at a time under an exclusive lock (job supervisors on
 * several Slurm nodes write into the same file), each line forced to disk before the lock is let
 * go, and the joblog line with it. A line torn by a kill -9 is closed off by the next append and
 * skipped when reading, so it can never glue two records.
 */
public final class Journal {
  private static final Logger log = LoggerFactory.getLogger(Journal.class);
  private static final ObjectMapper JSON = ResultJson.mapper();

  private final BatchDir dir;

  public Journal(BatchDir dir) {
    this.dir = dir;
  }

  /** Appends {@code record} to the journal and, for a job that ran, its line to the joblog. */
  public void append(JobRecord record, String commandLine) throws IOException {
    locked(
        () -> {
          appendLine(dir.journal(), ResultJson.write(record));
          if (record.status() != JobStatus.SKIPPED) {
            if (!Files.exists(dir.joblog()) || Files.size(dir.joblog()) == 0) {
              appendLine(dir.joblog(), Joblog.HEADER);
            }
            appendLine(dir.joblog(), Joblog.line(record, commandLine));
          }
          return null;
        });
  }

  /**
   * Runs {@code body} holding the batch's lock, which every writer of the journal and claims takes.
   */
  @SuppressWarnings(
      "try") // the lock is held for the body and released on close; the body never names it
  public <T> T locked(Callable<T> body) throws IOException {
    prodbridge.runs.RunFiles.createPrivateFile(dir.lock());
    try (FileChannel ch = FileChannel.open(dir.lock(), StandardOpenOption.WRITE);
        FileLock ignored = ch.lock()) {
      return body.call();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  /** Every record, oldest first; torn or unreadable lines are skipped with a warning. */
  public List<JobRecord> records() {
    return read(dir.journal(), JobRecord.class);
  }

  /** The latest record of each job. */
  public Map<String, JobRecord> latest() {
    Map<String, JobRecord> latest = new LinkedHashMap<>();
    for (JobRecord r : records()) {
      latest.put(r.jobId(), r);
    }
    return latest;
  }

  static void appendLine(Path file, String line) throws IOException {
    prodbridge.runs.RunFiles.createPrivateFile(file);
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      StringBuilder text = new StringBuilder();
      if (ch.size() > 0 && !endsWithNewline(file, ch.size())) {
        text.append('\n');
      }
      text.append(line).append('\n');
      ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        ch.write(bytes);
      }
      ch.force(true);
    }
  }

  private static boolean endsWithNewline(Path file, long size) throws IOException {
    try (FileChannel r = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer last = ByteBuffer.allocate(1);
      r.read(last, size - 1);
      return last.get(0) == '\n';
    }
  }

  static <T> List<T> read(Path file, Class<T> type) {
    List<T> out = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + file, e);
    }
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.isBlank()) {
        continue;
      }
      boolean complete = i < lines.length - 1;
      try {
        if (!complete) {
          throw new IOException("no end of line");
        }
        out.add(JSON.readValue(l, type));
      } catch (IOException e) {
        log.warn("{}:{}: skipped a torn or broken line ({})", file, i + 1, e.getMessage());
      }
    }
    return out;
  }
}
