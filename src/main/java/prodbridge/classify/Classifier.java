package prodbridge.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import prodbridge.supervise.StopReason;

/**
 * Decides a run's error class. What the bridge itself saw decides first: its deadline, a cancel,
 * its limits, a SIGKILL it did not send (unless a rule for SIGKILL finds who sent it, such as
 * coreutils {@code timeout}). A run that exited 0 with a result is a success whatever its stderr
 * says (only its quality can still fail it). For a failed run the rules are tried on the final
 * exception of a traceback, then on what the pipeline stated, then on each telling line from the
 * latest back (see {@link FailureText}); rules that need only an exit code or a signal come after
 * all text. A failure with text no rule knows is an EXECUTION_ERROR; one with no text and no known
 * exit at all is an UNKNOWN_ERROR. Empty means success.
 */
public final class Classifier {
  private final ErrorRules rules;
  private final HintWriter hints;
  private final Function<Path, Optional<DiskSpace>> disks;

  public Classifier(ErrorRules rules) {
    this(rules, DiskSpace::of);
  }

  /**
   * {@code disks} measures a file system for a disk-full hint (a saved failure from elsewhere
   * measures none).
   */
  public Classifier(ErrorRules rules, Function<Path, Optional<DiskSpace>> disks) {
    this.rules = rules;
    this.hints = new HintWriter(rules.providers());
    this.disks = disks;
  }

  public Optional<Classification> classify(Evidence e) {
    ErrorType observed = observed(e.stop());
    if (observed != null) {
      return Optional.of(bridge(observed, e.stop().label()));
    }
    if (e.signal() != null && e.signal() == Evidence.SIGKILL) {
      return Optional.of(
          explainedKill(e).orElseGet(() -> bridge(ErrorType.MEMORY_ERROR, "unexplained_sigkill")));
    }
    if (e.stop() == StopReason.EXITED && !e.failed()) {
      return e.qualityBelowThreshold()
          ? Optional.of(bridge(ErrorType.QUALITY_BELOW_THRESHOLD, "quality_gate"))
          : Optional.empty();
    }
    return Optional.of(failure(e));
  }

  /**
   * The error class a stop decides by itself, before any text is read; null when the child's exit
   * and text decide (it exited, could not start, or the bridge ended it for its store, which {@link
   * #diskFull} and the run's own store failure explain). The one place a stop reason becomes an
   * error class.
   */
  public static ErrorType observed(StopReason stop) {
    return switch (stop) {
      case DEADLINE -> ErrorType.TIMEOUT_ERROR;
      case CANCELLED -> ErrorType.CANCELLED;
      case MEMORY_LIMIT -> ErrorType.MEMORY_ERROR;
      case BUDGET_EXCEEDED -> ErrorType.BUDGET_EXCEEDED;
      case STALLED -> ErrorType.STALLED;
      case EXITED, LAUNCH_FAILED, STORE_FAILED -> null;
    };
  }

  /**
   * The bridge's own write into {@code path} failed for lack of space (its store or logs):
   * DISK_FULL, decided by the bridge, with the hint measuring that file system; {@code line} is
   * what the failure said.
   */
  public Classification diskFull(Path path, String line) {
    String disk = disks.apply(path).map(DiskSpace::describe).orElse(null);
    return new Classification(
        ErrorType.DISK_FULL,
        Classification.OBSERVED + "disk_full",
        line,
        hints.write(ErrorType.DISK_FULL, null, "", disk));
  }

  /** A SIGKILL whose sender the text names, by a rule that lists SIGKILL among its signals. */
  private Optional<Classification> explainedKill(Evidence e) {
    FailureText text = FailureText.of(e.stderrTail(), e.stdoutTail(), rules.exceptionNotes());
    return firstMatch(e, text, rules.textRules().stream().filter(ErrorRule::explainsKill).toList());
  }

  private Classification failure(Evidence e) {
    FailureText text = FailureText.of(e.stderrTail(), e.stdoutTail(), rules.exceptionNotes());
    Optional<Classification> byText =
        firstMatch(e, text, rules.textRules())
            .or(() -> firstMatch(e, text, rules.executionRules()));
    if (byText.isPresent()) {
      return byText.get();
    }
    String all = all(e);
    for (ErrorRule rule : rules.exitRules()) {
      if (rule.exitMatches(e.exitCode(), e.signal())) {
        return new Classification(
            rule.type(), rule.name(), null, hints.write(rule, null, all, null));
      }
    }
    List<Piece> pieces = pieces(text, e.statedError());
    ErrorType type =
        text.isBlank() && isBlank(e.statedError())
            ? ErrorType.UNKNOWN_ERROR
            : ErrorType.EXECUTION_ERROR;
    String evidence = pieces.isEmpty() ? null : firstLine(pieces.get(0).text());
    return new Classification(type, "no_rule", evidence, hints.write(type, null, all, null));
  }

  private Optional<Classification> firstMatch(
      Evidence e, FailureText text, List<ErrorRule> candidates) {
    for (Piece piece : pieces(text, e.statedError())) {
      for (ErrorRule rule : candidates) {
        Optional<Matcher> m = rule.match(piece.text(), piece.frames(), e.exitCode(), e.signal());
        if (m.isPresent()) {
          String disk = rule.type() == ErrorType.DISK_FULL ? disk(m.get(), e) : null;
          return Optional.of(
              new Classification(
                  rule.type(),
                  rule.name(),
                  lineOf(m.get(), piece.text()),
                  hints.write(rule, m.get(), all(e), disk)));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The pieces of text in the order they are trusted: final exception, stated error, log lines
   * latest first.
   */
  private List<Piece> pieces(FailureText text, String statedError) {
    List<Piece> pieces = new ArrayList<>();
    if (text.finalException() != null) {
      pieces.add(new Piece(text.finalException(), text.raisedIn()));
    }
    if (!isBlank(statedError)) {
      pieces.add(new Piece(statedError, null));
    }
    text.linesLatestFirst().stream()
        .filter(line -> !rules.ignored(line))
        .forEach(l -> pieces.add(new Piece(l, null)));
    return pieces;
  }

  /**
   * What a disk-full hint says: the file system of the path the failure names, else of the run's
   * output dir.
   */
  private String disk(Matcher m, Evidence e) {
    String named = group(m, "path") == null ? null : group(m, "path").strip();
    boolean absolute = named != null && !named.isEmpty() && named.startsWith("/");
    Optional<DiskSpace> space = absolute ? disks.apply(Path.of(named)) : Optional.empty();
    if (space.isEmpty() && !absolute && e.outputDir() != null) {
      space = disks.apply(e.outputDir());
    }
    if (space.isPresent()) {
      return space.get().describe();
    }
    if (named == null || named.isEmpty()) {
      return null;
    }
    Path dir = absolute && Path.of(named).getParent() != null ? Path.of(named).getParent() : null;
    return "The file system holding "
        + named
        + " is full (df -h "
        + (dir != null ? dir : ".")
        + " shows how much"
        + " is free)";
  }

  private Classification bridge(ErrorType type, String what) {
    return new Classification(
        type, Classification.OBSERVED + what, null, hints.write(type, null, "", null));
  }

  /**
   * A piece of text the rules read, with the frames of its traceback when it is the final
   * exception.
   */
  private record Piece(String text, String frames) {}

  /** The line of {@code piece} the match starts on, as the evidence a person reads. */
  private static String lineOf(Matcher m, String piece) {
    int start = piece.lastIndexOf('\n', m.start() - 1) + 1;
    int end = piece.indexOf('\n', m.start());
    return piece.substring(start, end < 0 ? piece.length() : end).strip();
  }

  private static String firstLine(String piece) {
    int end = piece.indexOf('\n');
    return (end < 0 ? piece : piece.substring(0, end)).strip();
  }

  private static String group(Matcher m, String name) {
    try {
      return m.group(name);
    } catch (IllegalArgumentException noSuchGroup) {
      return null;
    }
  }

  private static String all(Evidence e) {
    return String.join(
        "\n", nonNull(e.statedError()), nonNull(e.stderrTail()), nonNull(e.stdoutTail()));
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
