package prodbridge.batch;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import prodbridge.runs.ResultJson;

/**
 * {@code events.jsonl} of a batch: sessions starting and ending, jobs starting, and jobs held back,
 * and why.
 */
final class BatchEvents {
  private static final Logger log = LoggerFactory.getLogger(BatchEvents.class);

  private final BatchDir dir;

  BatchEvents(BatchDir dir) {
    this.dir = dir;
  }

  void write(String kind, Map<String, Object> fields) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("ts", Instant.now().toString());
    event.put("kind", kind);
    event.putAll(fields);
    try {
      Journal.appendLine(dir.events(), ResultJson.write(event));
    } catch (IOException e) {
      log.warn("cannot write {}: {}", dir.events(), e.getMessage());
    }
  }
}
