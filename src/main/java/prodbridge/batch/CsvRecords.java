package prodbridge.batch;

import java.util.ArrayList;
import java.util.List;
import prodbridge.config.UsageException;

/**
 * RFC 4180 records: fields separated by commas, quoted with double quotes (a quote inside is
 * doubled), quoted fields may span lines. Each record keeps the line it starts on, so every error
 * can name it.
 */
final class CsvRecords {
  record Row(int line, List<String> fields) {}

  private CsvRecords() {}

  static List<Row> parse(String text, String fileName) {
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int rowLine = 1;
    int quoteLine = 0;
    boolean quoted = false;
    boolean wasQuoted = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"') {
        if (field.length() > 0 || wasQuoted) {
          throw new UsageException(
              fileName
                  + ":"
                  + line
                  + ": a quote inside an unquoted field; quote the whole"
                  + " field and double the quote (\"\"like this\"\")");
        }
        quoted = true;
        wasQuoted = true;
        quoteLine = line;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        addRow(rows, rowLine, fields);
        fields = new ArrayList<>();
        field.setLength(0);
        wasQuoted = false;
        line++;
        rowLine = line;
      } else {
        if (wasQuoted && !Character.isWhitespace(c)) {
          throw new UsageException(
              fileName + ":" + line + ": text after a closing quote; put a comma after it");
        }
        if (!wasQuoted) {
          field.append(c);
        }
      }
      i++;
    }
    if (quoted) {
      throw new UsageException(
          fileName
              + ":"
              + quoteLine
              + ": unterminated quote: the field opened on line "
              + quoteLine
              + " never closes");
    }
    if (field.length() > 0 || wasQuoted || !fields.isEmpty()) {
      fields.add(field.toString());
      addRow(rows, rowLine, fields);
    }
    return rows;
  }

  private static void addRow(List<Row> rows, int line, List<String> fields) {
    boolean blank = fields.size() == 1 && fields.get(0).isBlank();
    if (!blank) {
      rows.add(new Row(line, List.copyOf(fields)));
    }
  }
}
