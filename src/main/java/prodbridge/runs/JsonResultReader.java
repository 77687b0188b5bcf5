package prodbridge.runs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the pipeline's result: the last top-level JSON object in its stdout. An object starts at
 * the beginning of a line (after blanks), may span many lines (pretty-printed) and may be followed
 * by text. Objects nested in it are skipped with it; progress events (objects with an "event" field
 * other than "result") are not results.
 */
final class JsonResultReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private JsonResultReader() {}

  static Optional<JsonNode> lastObject(String text) {
    char[] chars = text.toCharArray();
    JsonNode last = null;
    int pos = 0;
    while (pos < chars.length) {
      int lineEnd = indexOf(chars, '\n', pos);
      int first = pos;
      while (first < lineEnd && Character.isWhitespace(chars[first])) {
        first++;
      }
      if (first < lineEnd && chars[first] == '{') {
        int end = objectEnd(chars, first);
        if (end > 0) {
          JsonNode node = parse(chars, first, end);
          if (node != null && !isProgressEvent(node)) {
            last = node;
          }
          pos = indexOf(chars, '\n', end) + 1;
          continue;
        }
      }
      pos = lineEnd + 1;
    }
    return Optional.ofNullable(last);
  }

  /** The offset just past the object starting at {@code start}, or -1 when none parses there. */
  private static int objectEnd(char[] chars, int start) {
    try (JsonParser p = FACTORY.createParser(chars, start, chars.length - start)) {
      p.nextToken();
      p.skipChildren();
      return start + (int) p.currentLocation().getCharOffset();
    } catch (IOException notAnObject) {
      return -1;
    }
  }

  private static JsonNode parse(char[] chars, int start, int end) {
    try (JsonParser p = FACTORY.createParser(chars, start, end - start)) {
      return MAPPER.readTree(p);
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean isProgressEvent(JsonNode node) {
    JsonNode event = node.get("event");
    return event != null && !"result".equals(event.asText());
  }

  private static int indexOf(char[] chars, char c, int from) {
    for (int i = from; i < chars.length; i++) {
      if (chars[i] == c) {
        return i;
      }
    }
    return chars.length;
  }

  /** Reads the contract's field names from a result object. */
  static PipelineResult toResult(JsonNode n) {
    JsonNode quality = first(n, "overall_quality", "quality_score");
    if (quality == null && n.path("quality").isObject()) {
      quality = first(n.get("quality"), "overall");
    }
    List<String> files = new ArrayList<>();
    for (JsonNode f : n.path("output_files")) {
      String path = f.isTextual() ? f.asText() : f.path("path").asText(null);
      if (path != null && !path.isBlank()) {
        files.add(path);
      }
    }
    return new PipelineResult(
        text(n, "status"),
        text(n, "episode_id"),
        text(n, "topic"),
        number(first(n, "total_cost", "final_cost", "cost")),
        number(quality),
        files,
        text(n, "error"),
        text(n, "final_stage"));
  }

  private static JsonNode first(JsonNode n, String... names) {
    for (String name : names) {
      JsonNode v = n.get(name);
      if (v != null && !v.isNull()) {
        return v;
      }
    }
    return null;
  }

  private static String text(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  private static Double number(JsonNode v) {
    if (v == null) {
      return null;
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    try {
      return Double.parseDouble(v.asText().replace("$", "").trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
