package prodbridge.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A failed run's text cut into the pieces the rules read, most telling first: the final exception of the last
 * traceback (see {@link FinalException}), then the other lines of stderr and of the stdout tail, latest first.
 * Lines that cannot say what went wrong are left out wherever they stand: traceback frames, a Java trace's
 * {@code at} and {@code ... 3 more} lines, exception notes, the separators between chained exceptions, and log
 * lines written below WARNING. A log line that says "retrying" before the real failure therefore never outranks
 * the exception that ended the run, and a harmless INFO line after an ERROR line never hides it.
 */
final class FailureText {
  private static final Pattern JAVA_FRAME = Pattern.compile("^\\s+(?:at |\\.\\.\\. \\d+ (?:more|common frames))");
  private static final Pattern CHAIN_SEPARATOR = Pattern.compile(
      "^(?:The above exception was the direct cause of the following exception:|During handling of the above"
          + " exception, another exception occurred:)\\s*$");

  private final FinalException finalException;
  private final List<String> linesLatestFirst;

  private FailureText(FinalException finalException, List<String> linesLatestFirst) {
    this.finalException = finalException;
    this.linesLatestFirst = linesLatestFirst;
  }

  /** Reads stderr and the stdout tail; {@code notes} are the patterns of exception notes to set aside. */
  static FailureText of(String stderr, String stdout, List<Pattern> notes) {
    List<String> err = FinalException.lines(stderr);
    List<String> out = FinalException.lines(stdout);
    FinalException exception = FinalException.find(err, notes);
    if (exception == null) {
      exception = FinalException.find(out, notes);
    }
    List<String> latestFirst = new ArrayList<>();
    latestFirst.addAll(latestFirst(telling(err, notes)));
    latestFirst.addAll(latestFirst(telling(out, notes)));
    return new FailureText(exception, latestFirst);
  }

  /** The exception that ended the run, possibly several lines long, notes left out; null when there is none. */
  String finalException() {
    return finalException == null ? null : finalException.text();
  }

  /** The frames of the final exception's traceback (where it was raised); empty when there are none. */
  String raisedIn() {
    return finalException == null ? "" : finalException.frames();
  }

  List<String> linesLatestFirst() {
    return linesLatestFirst;
  }

  boolean isBlank() {
    return finalException == null && linesLatestFirst.isEmpty();
  }

  /** The lines that can say what went wrong: no frames, notes, separators or log lines below WARNING. */
  private static List<String> telling(List<String> lines, List<Pattern> notes) {
    List<String> kept = new ArrayList<>();
    boolean inFrames = false;
    for (String line : lines) {
      if (FinalException.isTracebackHeader(line)) {
        inFrames = true;
        continue;
      }
      boolean indented = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
      if (inFrames && (indented || line.isEmpty())) {
        continue;
      }
      inFrames = false;
      if (line.isBlank() || JAVA_FRAME.matcher(line).find() || CHAIN_SEPARATOR.matcher(line).find()
          || FinalException.isNote(line, notes)) {
        continue;
      }
      LogLevel level = LogLevel.of(line);
      if (level != null && level.belowWarning()) {
        continue;
      }
      kept.add(line);
    }
    return kept;
  }

  private static List<String> latestFirst(List<String> lines) {
    List<String> copy = new ArrayList<>(lines);
    Collections.reverse(copy);
    return copy;
  }
}
