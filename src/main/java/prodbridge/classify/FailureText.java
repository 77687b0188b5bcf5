package prodbridge.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A failed run's text cut into the pieces the rules read, most telling first: the final exception of the last
 * traceback (Python's, or the root cause of a Java stack trace), then the other lines of stderr and of the stdout
 * tail, latest first, without traceback frames. A log line that says "retrying" before the real failure therefore
 * never outranks the exception that ended the run.
 */
final class FailureText {
  static final int MAX_EXCEPTION_LINES = 40;
  private static final String PY_TRACEBACK = "Traceback (most recent call last):";
  private static final Pattern PY_BLOCK_END = Pattern.compile(
      "^(During task with name |During handling of the above exception|The above exception was|Traceback \\(most"
          + " recent call last\\)|\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d)");
  private static final Pattern JAVA_EXCEPTION = Pattern.compile("^(Exception in thread \".*?\" |Caused by: )(.+)$");
  private static final Pattern JAVA_FRAME = Pattern.compile("^\\s+(at |\\.\\.\\. \\d+ more)");

  private final String finalException;
  private final List<String> linesLatestFirst;

  private FailureText(String finalException, List<String> linesLatestFirst) {
    this.finalException = finalException;
    this.linesLatestFirst = linesLatestFirst;
  }

  static FailureText of(String stderr, String stdout) {
    List<String> err = lines(stderr);
    List<String> out = lines(stdout);
    String exception = finalException(err);
    if (exception == null) {
      exception = finalException(out);
    }
    List<String> latestFirst = new ArrayList<>();
    latestFirst.addAll(latestFirst(withoutFrames(err)));
    latestFirst.addAll(latestFirst(withoutFrames(out)));
    return new FailureText(exception, latestFirst);
  }

  /** The exception that ended the run, possibly several lines long; null when there is no traceback. */
  String finalException() {
    return finalException;
  }

  List<String> linesLatestFirst() {
    return linesLatestFirst;
  }

  boolean isBlank() {
    return finalException == null && linesLatestFirst.stream().allMatch(String::isBlank);
  }

  private static String finalException(List<String> lines) {
    int header = lines.lastIndexOf(PY_TRACEBACK);
    if (header >= 0) {
      int start = header + 1;
      while (start < lines.size() && (lines.get(start).isEmpty() || Character.isWhitespace(lines.get(start).charAt(0)))) {
        start++;
      }
      StringBuilder block = new StringBuilder();
      for (int i = start; i < lines.size() && i < start + MAX_EXCEPTION_LINES; i++) {
        if (i > start && PY_BLOCK_END.matcher(lines.get(i)).find()) {
          break;
        }
        block.append(lines.get(i)).append('\n');
      }
      String text = block.toString().strip();
      return text.isEmpty() ? null : text;
    }
    for (int i = lines.size() - 1; i >= 0; i--) {
      var m = JAVA_EXCEPTION.matcher(lines.get(i));
      if (m.find()) {
        return m.group(2);
      }
    }
    return null;
  }

  /** The lines that are not frames of a traceback (frames name files and code, not what went wrong). */
  private static List<String> withoutFrames(List<String> lines) {
    List<String> kept = new ArrayList<>();
    boolean inFrames = false;
    for (String line : lines) {
      if (line.equals(PY_TRACEBACK)) {
        inFrames = true;
        continue;
      }
      boolean indented = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
      if (inFrames && indented || JAVA_FRAME.matcher(line).find()) {
        continue;
      }
      inFrames = false;
      if (!line.isBlank()) {
        kept.add(line);
      }
    }
    return kept;
  }

  private static List<String> latestFirst(List<String> lines) {
    List<String> copy = new ArrayList<>(lines);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static List<String> lines(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    return List.of(text.replace("\r\n", "\n").split("\n"));
  }
}
