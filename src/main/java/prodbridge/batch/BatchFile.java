package prodbridge.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import prodbridge.config.Budget;
import prodbridge.config.InvalidValue;
import prodbridge.config.QualityThreshold;
import prodbridge.config.UsageException;

/**
 * Reads a batch file (CSV with a header row, JSON Lines, or one topic per line) into rows. Every
 * problem is a usage error that names the file and line: a byte order mark, bytes that are not
 * UTF-8, an unterminated quote, a missing topic column, an unknown column, a bad number, an empty
 * file.
 */
public final class BatchFile {
  static final List<String> COLUMNS =
      List.of("topic", "episode_id", "command", "budget", "quality_threshold");
  private static final ObjectMapper JSON = new ObjectMapper();

  private BatchFile() {}

  public static List<BatchRow> read(Path file) {
    String name = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UsageException(name + ": cannot read the batch file: " + e.getMessage());
    }
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF) {
      throw new UsageException(
          name
              + ":1: the file starts with a UTF-8 byte order mark (BOM); save it as UTF-8"
              + " without BOM");
    }
    String text = decode(bytes, name);
    if (text.isBlank()) {
      throw new UsageException(
          name
              + ":1: the batch file is empty; write one topic per line, or a CSV with a"
              + " topic column");
    }
    String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    List<BatchRow> rows =
        switch (BatchFormat.of(file, firstLine)) {
          case CSV -> csv(text, name);
          case JSONL -> jsonLines(text, name);
          case TEXT -> plain(text);
        };
    if (rows.isEmpty()) {
      throw new UsageException(
          name + ":1: no jobs in the batch file (only a header, blank lines or comments)");
    }
    return rows;
  }

  private static String decode(byte[] bytes, String name) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      String good = new String(bytes, StandardCharsets.UTF_8);
      int bad = good.indexOf('\uFFFD');
      long line = bad < 0 ? 1 : good.substring(0, bad).chars().filter(c -> c == '\n').count() + 1;
      throw new UsageException(
          name + ":" + line + ": not UTF-8 text; save the batch file as UTF-8");
    }
  }

  private static List<BatchRow> plain(String text) {
    List<BatchRow> rows = new ArrayList<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String topic = lines.get(i).strip();
      if (!topic.isEmpty() && !topic.startsWith("#")) {
        rows.add(new BatchRow(i + 1, topic, null, null, null, null));
      }
    }
    return rows;
  }

  private static List<BatchRow> csv(String text, String name) {
    List<CsvRecords.Row> records = CsvRecords.parse(text, name);
    if (records.isEmpty()) {
      return List.of();
    }
    CsvRecords.Row header = records.get(0);
    List<String> columns =
        header.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
    if (!columns.contains("topic")) {
      throw new UsageException(
          name
              + ":"
              + header.line()
              + ": the header has no topic column (columns: "
              + String.join(", ", columns)
              + "); the first row must name the columns");
    }
    for (String c : columns) {
      if (!COLUMNS.contains(c)) {
        throw new UsageException(
            name
                + ":"
                + header.line()
                + ": unknown column \""
                + c
                + "\" in the header (known: "
                + String.join(", ", COLUMNS)
                + ")");
      }
      if (columns.indexOf(c) != columns.lastIndexOf(c)) {
        throw new UsageException(
            name + ":" + header.line() + ": column \"" + c + "\" appears twice in the header");
      }
    }
    List<BatchRow> rows = new ArrayList<>();
    for (CsvRecords.Row r : records.subList(1, records.size())) {
      if (r.fields().size() != columns.size()) {
        throw new UsageException(
            name
                + ":"
                + r.line()
                + ": "
                + r.fields().size()
                + " fields where the header has "
                + columns.size()
                + "; quote a topic that holds a comma");
      }
      String where = name + ":" + r.line();
      rows.add(
          row(
              r.line(),
              where,
              c -> {
                int i = columns.indexOf(c);
                String v = i < 0 ? null : r.fields().get(i).strip();
                return v == null || v.isEmpty() ? null : v;
              }));
    }
    return rows;
  }

  private static List<BatchRow> jsonLines(String text, String name) {
    List<BatchRow> rows = new ArrayList<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.isEmpty()) {
        continue;
      }
      String where = name + ":" + (i + 1);
      JsonNode node;
      try {
        node = JSON.readTree(l);
      } catch (JsonProcessingException e) {
        throw new UsageException(where + ": not a JSON object: " + e.getOriginalMessage());
      }
      if (node == null || !node.isObject()) {
        throw new UsageException(
            where + ": each line must be one JSON object like {\"topic\": \"...\"}");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!COLUMNS.contains(f.getKey())) {
          throw new UsageException(
              where
                  + ": unknown key \""
                  + f.getKey()
                  + "\" (known: "
                  + String.join(", ", COLUMNS)
                  + ")");
        }
        if (!f.getValue().isNull() && !f.getValue().isValueNode()) {
          throw new UsageException(where + ": \"" + f.getKey() + "\" must be a string or a number");
        }
      }
      rows.add(row(i + 1, where, c -> node.hasNonNull(c) ? node.get(c).asText().strip() : null));
    }
    return rows;
  }

  private static BatchRow row(
      int line, String where, java.util.function.Function<String, String> value) {
    String topic = value.apply("topic");
    if (topic == null || topic.isBlank()) {
      throw new UsageException(where + ": no topic");
    }
    return new BatchRow(
        line,
        topic,
        value.apply("episode_id"),
        value.apply("command"),
        number(value.apply("budget"), "budget", where),
        number(value.apply("quality_threshold"), "quality_threshold", where));
  }

  private static Double number(String text, String column, String where) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return column.equals("budget")
          ? Budget.parse(text).usd()
          : QualityThreshold.parse(text).score();
    } catch (InvalidValue e) {
      throw new UsageException(where + ": " + column + " " + e.getMessage());
    }
  }
}
