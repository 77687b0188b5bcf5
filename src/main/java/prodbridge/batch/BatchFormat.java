package prodbridge.batch;

import java.nio.file.Path;
import java.util.Locale;

/** The three kinds of batch file: chosen by the file's extension, else by its first line. */
enum BatchFormat {
  CSV,
  JSONL,
  TEXT;

  static BatchFormat of(Path file, String firstLine) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return CSV;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return JSONL;
    }
    if (name.endsWith(".txt")) {
      return TEXT;
    }
    String first = firstLine.strip();
    if (first.startsWith("{")) {
      return JSONL;
    }
    return first.toLowerCase(Locale.ROOT).matches("\"?topic\"?\\s*,.*|.*,\\s*\"?topic\"?\\s*(,.*)?")
        ? CSV
        : TEXT;
  }
}
