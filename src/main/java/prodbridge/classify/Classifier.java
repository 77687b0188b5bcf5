package prodbridge.classify;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Decides a run's error class. What the bridge itself saw decides first: its deadline, a cancel, its limits, a
 * SIGKILL it did not send. A run that exited 0 with a result is a success whatever its stderr says (only its
 * quality can still fail it). For a failed run the rules are tried on the final exception of a traceback, then on
 * what the pipeline stated, then on each log line from the latest back; rules that need only an exit code or a
 * signal come after all text. A failure with text no rule knows is an EXECUTION_ERROR; one with no text and no
 * known exit at all is an UNKNOWN_ERROR. Empty means success.
 */
public final class Classifier {
  private final ErrorRules rules;
  private final HintWriter hints;

  public Classifier(ErrorRules rules) {
    this.rules = rules;
    this.hints = new HintWriter(rules.providers());
  }

  public Optional<Classification> classify(Evidence e) {
    ErrorType observed = switch (e.observation()) {
      case DEADLINE_FIRED -> ErrorType.TIMEOUT_ERROR;
      case CANCELLED_BY_USER -> ErrorType.CANCELLED;
      case MEMORY_LIMIT_HIT -> ErrorType.MEMORY_ERROR;
      case BUDGET_LIMIT_HIT -> ErrorType.BUDGET_EXCEEDED;
      case STALL_DETECTED -> ErrorType.STALLED;
      case EXITED, LAUNCH_FAILED -> null;
    };
    if (observed != null) {
      return Optional.of(bridge(observed, e.observation().name().toLowerCase(java.util.Locale.ROOT)));
    }
    if (e.signal() != null && e.signal() == Evidence.SIGKILL) {
      return Optional.of(bridge(ErrorType.MEMORY_ERROR, "unexplained_sigkill"));
    }
    if (e.observation() == Evidence.Observation.EXITED && !e.failed()) {
      return e.qualityBelowThreshold()
          ? Optional.of(bridge(ErrorType.QUALITY_BELOW_THRESHOLD, "quality_gate"))
          : Optional.empty();
    }
    return Optional.of(failure(e));
  }

  private Classification failure(Evidence e) {
    FailureText text = FailureText.of(e.stderrTail(), e.stdoutTail());
    String all = String.join("\n", nonNull(e.statedError()), nonNull(e.stderrTail()), nonNull(e.stdoutTail()));
    for (String piece : pieces(text, e.statedError())) {
      for (ErrorRule rule : rules.textRules()) {
        Optional<Matcher> m = rule.match(piece, e.exitCode(), e.signal());
        if (m.isPresent()) {
          return new Classification(rule.type(), rule.name(), firstLine(m.get(), piece), hints.write(rule, m.get(), all));
        }
      }
    }
    for (ErrorRule rule : rules.exitRules()) {
      if (rule.exitMatches(e.exitCode(), e.signal())) {
        return new Classification(rule.type(), rule.name(), null, hints.write(rule, null, all));
      }
    }
    ErrorType type = text.isBlank() && isBlank(e.statedError()) ? ErrorType.UNKNOWN_ERROR : ErrorType.EXECUTION_ERROR;
    return new Classification(type, "no_rule", null, hints.write(type, null, all));
  }

  /** The pieces of text in the order they are trusted: final exception, stated error, log lines latest first. */
  private List<String> pieces(FailureText text, String statedError) {
    List<String> pieces = new java.util.ArrayList<>();
    if (text.finalException() != null) {
      pieces.add(text.finalException());
    }
    if (!isBlank(statedError)) {
      pieces.add(statedError);
    }
    text.linesLatestFirst().stream().filter(line -> !rules.ignored(line)).forEach(pieces::add);
    return pieces;
  }

  private Classification bridge(ErrorType type, String what) {
    return new Classification(type, Classification.OBSERVED + what, null, hints.write(type, null, ""));
  }

  /** The line of {@code piece} the match starts on, as the evidence a person reads. */
  private static String firstLine(Matcher m, String piece) {
    int start = piece.lastIndexOf('\n', m.start() - 1) + 1;
    int end = piece.indexOf('\n', m.start());
    return piece.substring(start, end < 0 ? piece.length() : end).strip();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
