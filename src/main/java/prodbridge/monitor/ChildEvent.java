package prodbridge.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * A progress event from the child: one JSON object on one line with an {@code "event"} field;
 * {@code stage}, {@code progress} (0–100), {@code cost} (cumulative USD) and {@code message} are
 * optional.
 */
public record ChildEvent(
    String event, String stage, Integer progress, Double cost, String message) {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_LINE_CHARS = 64 * 1024;

  /**
   * The event on this line, or empty for any other output (text, JSON without "event", a broken
   * object).
   */
  public static Optional<ChildEvent> parse(String line) {
    String t = line.strip();
    if (t.length() < 2
        || t.length() > MAX_LINE_CHARS
        || t.charAt(0) != '{'
        || !t.contains("\"event\"")) {
      return Optional.empty();
    }
    try {
      JsonNode n = JSON.readTree(t);
      JsonNode event = n.get("event");
      if (event == null || !event.isTextual()) {
        return Optional.empty();
      }
      JsonNode progress = n.get("progress");
      JsonNode cost = n.get("cost");
      return Optional.of(
          new ChildEvent(
              event.asText(),
              n.hasNonNull("stage") ? n.get("stage").asText() : null,
              progress != null && progress.isNumber()
                  ? Math.max(0, Math.min(100, progress.intValue()))
                  : null,
              cost != null && cost.isNumber() && cost.doubleValue() >= 0
                  ? cost.doubleValue()
                  : null,
              n.hasNonNull("message") ? n.get("message").asText() : null));
    } catch (Exception notJson) {
      return Optional.empty();
    }
  }
}
