package prodbridge.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A failed run's text cut into the pieces the rules read, most telling first: the final exception
 * of the last traceback (see {@link FinalException}), then the other records of stderr and of the
 * stdout tail, latest first (a record is a line with the indented lines that continue it). Lines
 * that cannot say what went wrong are left out wherever they stand: traceback frames, a Java
 * trace's {@code at} and {@code ... 3 more} lines, exception notes, the separators between chained
 * exceptions, and log lines written below WARNING. A log line that says "retrying" before the real
 * failure therefore never outranks the exception that ended the run, and a harmless INFO line after
 * an ERROR line never hides it.
 */
final class FailureText {
  private static final Pattern JAVA_FRAME =
      Pattern.compile("^\\s+(?:at |\\.\\.\\. \\d+ (?:more|common frames))");
  private static final Pattern CHAIN_SEPARATOR =
      Pattern.compile(
          "^(?:The above exception was the direct cause of the following exception:|During handling of the above"
              + " exception, another exception occurred:)\\s*$");

  static final int MAX_RECORD_LINES = 40;
  private static final Pattern FIELD_NAME = Pattern.compile("[\\w.\\[\\]]+");

  private final FinalException finalException;
  private final List<String> linesLatestFirst;

  private FailureText(FinalException finalException, List<String> linesLatestFirst) {
    this.finalException = finalException;
    this.linesLatestFirst = linesLatestFirst;
  }

  /**
   * Reads stderr and the stdout tail; {@code notes} are the patterns of exception notes to set
   * aside.
   */
  static FailureText of(String stderr, String stdout, List<Pattern> notes) {
    List<String> err = FinalException.readable(FinalException.lines(stderr));
    List<String> out = FinalException.readable(FinalException.lines(stdout));
    FinalException exception = FinalException.find(err, notes);
    if (exception == null) {
      exception = FinalException.find(out, notes);
    }
    List<String> latestFirst = new ArrayList<>();
    latestFirst.addAll(latestFirst(telling(err, notes)));
    latestFirst.addAll(latestFirst(telling(out, notes)));
    return new FailureText(exception, latestFirst);
  }

  /**
   * The exception that ended the run, possibly several lines long, notes left out; null when there
   * is none.
   */
  String finalException() {
    return finalException == null ? null : finalException.text();
  }

  /**
   * The frames of the final exception's traceback (where it was raised); empty when there are none.
   */
  String raisedIn() {
    return finalException == null ? "" : finalException.frames();
  }

  List<String> linesLatestFirst() {
    return linesLatestFirst;
  }

  boolean isBlank() {
    return finalException == null && linesLatestFirst.isEmpty();
  }

  /**
   * The records that can say what went wrong, in order: a line with the indented lines that
   * continue it (a message's details, pydantic's field list), without frames, notes, separators,
   * and records logged below WARNING (their continuation lines with them).
   */
  private static List<String> telling(List<String> lines, List<Pattern> notes) {
    List<String> kept = new ArrayList<>();
    StringBuilder record = null;
    int recordLines = 0;
    boolean skipped = false;
    boolean inFrames = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (FinalException.isTracebackHeader(line)) {
        inFrames = true;
        continue;
      }
      boolean indented = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
      if (inFrames && (indented || line.isEmpty())) {
        continue;
      }
      inFrames = false;
      if (line.isBlank()
          || JAVA_FRAME.matcher(line).find()
          || CHAIN_SEPARATOR.matcher(line).find()
          || FinalException.isNote(line, notes)) {
        if (line.isBlank()) {
          recordLines = MAX_RECORD_LINES;
        }
        continue;
      }
      LogLevel level = LogLevel.of(line);
      boolean continues =
          level == null
              && (indented || fieldName(lines, i))
              && record != null
              && recordLines < MAX_RECORD_LINES;
      if (continues) {
        if (!skipped) {
          record.append('\n').append(line);
        }
        recordLines++;
        continue;
      }
      if (record != null && !skipped) {
        kept.add(record.toString());
      }
      record = new StringBuilder(line);
      recordLines = 1;
      skipped = level != null && level.belowWarning();
    }
    if (record != null && !skipped) {
      kept.add(record.toString());
    }
    return kept;
  }

  /**
   * A bare field name followed by an indented line: one entry of pydantic's list of failing fields.
   */
  private static boolean fieldName(List<String> lines, int i) {
    return FIELD_NAME.matcher(lines.get(i)).matches()
        && i + 1 < lines.size()
        && !lines.get(i + 1).isEmpty()
        && Character.isWhitespace(lines.get(i + 1).charAt(0));
  }

  private static List<String> latestFirst(List<String> lines) {
    List<String> copy = new ArrayList<>(lines);
    Collections.reverse(copy);
    return copy;
  }
}
