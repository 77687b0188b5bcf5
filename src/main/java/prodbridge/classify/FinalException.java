package prodbridge.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exception that ended a run, read by the structure of the trace that printed it. For Python:
 * the exception line and message that follow the frames of the last {@code Traceback (most recent
 * call last):}, with its PEP 678 notes (LangGraph's {@code During task with name 'tts' and id
 * '...'}) left out, since a note is context, not the exception; sub-exceptions of an exception
 * group are read like top-level ones. For Java: the root cause of the last stack trace, its last
 * {@code Caused by:} (never an {@code at} frame or a {@code ... 3 more} elision). {@code frames}
 * are the Python traceback's frame lines, for rules that ask where the exception was raised.
 */
record FinalException(String text, String frames) {
  static final int MAX_EXCEPTION_LINES = 40;
  private static final String PY_TRACEBACK = "Traceback (most recent call last):";
  private static final Pattern PY_BLOCK_END =
      Pattern.compile(
          "^(?:During handling of the above exception|The above exception was|Traceback \\(most recent call last\\)"
              + "|\\s*\\+[-+]+)");
  private static final Pattern JAVA_EXCEPTION =
      Pattern.compile("^(?:Exception in thread \".*?\" |Caused by: )(.+)$");
  private static final Pattern JAVA_THROWABLE_LINE =
      Pattern.compile("^[\\w$]+(?:\\.[\\w$]+)+(?::.*)?$");
  private static final Pattern JAVA_AT = Pattern.compile("^\\s+at [\\w$.<>/]+\\(");
  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*[A-Za-z]");
  private static final Pattern GROUP_PREFIX =
      Pattern.compile("^(\\s*)(?:[|+](?:[-+]+(?: \\d+ )?-*)? ?)");

  /** The final exception of these lines, or null when they hold no trace. */
  static FinalException find(List<String> lines, List<Pattern> notes) {
    int header = lastHeader(lines);
    if (header >= 0) {
      return python(lines, header, notes);
    }
    return java(lines);
  }

  /**
   * The lines with an exception group's {@code |} and {@code +-} margins taken off, so its parts
   * read as usual.
   */
  static List<String> readable(List<String> lines) {
    return lines.stream().anyMatch(l -> l.contains("Exception Group Traceback"))
        ? ungrouped(lines)
        : lines;
  }

  static boolean isTracebackHeader(String line) {
    return line.strip().equals(PY_TRACEBACK);
  }

  static boolean isNote(String line, List<Pattern> notes) {
    return notes.stream().anyMatch(p -> p.matcher(line).find());
  }

  static List<String> lines(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    return List.of(ANSI.matcher(text).replaceAll("").replace("\r\n", "\n").split("\n"));
  }

  private static int lastHeader(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (isTracebackHeader(lines.get(i)) && !Character.isWhitespace(firstChar(lines.get(i)))) {
        return i;
      }
    }
    return -1;
  }

  private static FinalException python(List<String> lines, int header, List<Pattern> notes) {
    int start = header + 1;
    StringBuilder frames = new StringBuilder();
    while (start < lines.size()
        && (lines.get(start).isEmpty() || Character.isWhitespace(lines.get(start).charAt(0)))) {
      frames.append(lines.get(start)).append('\n');
      start++;
    }
    StringBuilder block = new StringBuilder();
    for (int i = start; i < lines.size() && i < start + MAX_EXCEPTION_LINES; i++) {
      String line = lines.get(i);
      if (i > start && (PY_BLOCK_END.matcher(line).find() || endsTheMessage(line))) {
        break;
      }
      if (i > start && isNote(line, notes)) {
        continue;
      }
      block.append(line).append('\n');
    }
    String text = block.toString().strip();
    return text.isEmpty() ? null : new FinalException(text, frames.toString());
  }

  /** A new log record after the exception is not part of its message. */
  private static boolean endsTheMessage(String line) {
    return LogLevel.of(line) != null && !Character.isWhitespace(firstChar(line));
  }

  private static FinalException java(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i);
      Matcher m = JAVA_EXCEPTION.matcher(line);
      if (m.find()) {
        return new FinalException(m.group(1), "");
      }
      boolean framed = i + 1 < lines.size() && JAVA_AT.matcher(lines.get(i + 1)).find();
      if (framed && JAVA_THROWABLE_LINE.matcher(line).find()) {
        return new FinalException(line, "");
      }
    }
    return null;
  }

  /** An exception group's lines with their {@code |} and {@code +-} margins taken off. */
  private static List<String> ungrouped(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    for (String line : lines) {
      String l = line;
      for (Matcher m = GROUP_PREFIX.matcher(l);
          m.find() && !l.isBlank();
          m = GROUP_PREFIX.matcher(l)) {
        String rest = l.substring(m.end());
        if (rest.equals(l)) {
          break;
        }
        l = rest;
      }
      out.add(l);
    }
    return out;
  }

  private static char firstChar(String s) {
    return s.isEmpty() ? ' ' : s.charAt(0);
  }
}
