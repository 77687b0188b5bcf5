package prodbridge.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code events.jsonl} in the run directory: one JSON object per sample, child event and state
 * change.
 */
public final class EventLog implements AutoCloseable {
  private static final ObjectMapper JSON =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
  private final BufferedWriter out;
  private final java.util.function.UnaryOperator<String> scrub;

  /** {@code scrub} removes secrets from the child's free text before it is written. */
  public EventLog(Path file, java.util.function.UnaryOperator<String> scrub) throws IOException {
    this.scrub = scrub;
    out =
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  synchronized void sample(String state, Snapshot s) {
    Map<String, Object> e = base("sample", state);
    e.put("stage", s.stage());
    e.put("progress", s.progress());
    e.put("cost", s.cost());
    e.put("memory_mb", Math.round(s.memoryBytes() / 1048576.0 * 10) / 10.0);
    e.put("output_files", s.files());
    e.put("elapsed", Math.round(s.elapsedSeconds() * 1000) / 1000.0);
    write(e);
  }

  synchronized void childEvent(ChildEvent c) {
    Map<String, Object> e = base("child_event", "running");
    e.put("event", c.event());
    e.put("stage", c.stage());
    e.put("progress", c.progress());
    e.put("cost", c.cost());
    e.put(
        "message",
        c.message() == null
            ? null
            : scrub.apply(c.message().substring(0, Math.min(500, c.message().length()))));
    write(e);
  }

  synchronized void state(String state, String detail) {
    Map<String, Object> e = base("state", state);
    e.put("message", detail);
    write(e);
  }

  /**
   * A line the bridge itself adds (an attempt starting, a retry planned); {@code fields} follow
   * kind and state.
   */
  public synchronized void bridgeEvent(String kind, String state, Map<String, Object> fields) {
    Map<String, Object> e = base(kind, state);
    e.putAll(fields);
    write(e);
  }

  private static Map<String, Object> base(String kind, String state) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("time", Instant.now().toString());
    e.put("kind", kind);
    e.put("state", state);
    return e;
  }

  private void write(Map<String, Object> e) {
    try {
      out.write(JSON.writeValueAsString(e));
      out.newLine();
      out.flush();
    } catch (IOException ignored) {
      // a full disk must not stop supervision; the result still carries the figures
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException ignored) {
      // nothing more will be written
    }
  }
}
