package prodbridge.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * A file the pipeline keeps its cumulative cost in: a CSV whose {@code column} holds it (the last
 * row counts), or a JSON report whose top-level {@code field} holds it. A file that is missing,
 * half-written or unparsable reads as nothing, never as zero.
 */
public record CostFile(Path path, String csvColumn, String jsonField) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TAIL_BYTES = 64 * 1024;

  public OptionalDouble read() {
    try {
      if (!Files.isRegularFile(path)) {
        return OptionalDouble.empty();
      }
      return csvColumn != null ? readCsv() : readJson();
    } catch (IOException | RuntimeException unreadable) {
      return OptionalDouble.empty();
    }
  }

  private OptionalDouble readJson() throws IOException {
    JsonNode n = JSON.readTree(path.toFile()).get(jsonField);
    return n != null && n.isNumber() ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
  }

  /** The header names the column; the last complete row holds the current figure. */
  private OptionalDouble readCsv() throws IOException {
    String header;
    try (var lines = Files.lines(path, StandardCharsets.UTF_8)) {
      header = lines.findFirst().orElse("");
    }
    int col = java.util.Arrays.asList(header.strip().split(",")).indexOf(csvColumn);
    if (col < 0) {
      return OptionalDouble.empty();
    }
    String[] rows = tail().split("\n");
    for (int i = rows.length - 1; i >= 0; i--) {
      String[] cells = rows[i].strip().split(",");
      if (cells.length > col && !rows[i].equals(header)) {
        try {
          return OptionalDouble.of(Double.parseDouble(cells[col].strip()));
        } catch (NumberFormatException notARow) {
          // a partial or foreign line: look further up
        }
      }
    }
    return OptionalDouble.empty();
  }

  /**
   * The last complete lines of the file, read from its end so a long CSV costs the same as a short
   * one.
   */
  private String tail() throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "r")) {
      long start = Math.max(0, f.length() - TAIL_BYTES);
      byte[] b = new byte[(int) (f.length() - start)];
      f.seek(start);
      f.readFully(b);
      String s = new String(b, StandardCharsets.UTF_8);
      int lastNewline = s.lastIndexOf('\n');
      return lastNewline < 0 ? "" : s.substring(0, lastNewline);
    }
  }
}
