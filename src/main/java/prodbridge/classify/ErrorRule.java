package prodbridge.classify;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule of the rules file: when its conditions all hold, a failed run is of class {@code type}.
 * A condition that is absent holds: {@code pattern} (null: no text needed) is searched in a piece
 * of stderr or the stdout tail; {@code exitCodes} and {@code signals} (empty: any) are checked
 * against how the child ended; {@code raisedIn} (null: anywhere) is searched in the frames of the
 * traceback of the final exception, so such a rule only decides on that exception. {@code hint},
 * when set, replaces the class's hint; {@code {name}} in it is filled from the pattern's named
 * group {@code name}. A SIGKILL the bridge did not send is taken for the OOM killer unless a text
 * rule for a time limit or a stop (or one that lists SIGKILL) names its sender, such as coreutils
 * {@code timeout --verbose}.
 */
public record ErrorRule(
    String name,
    ErrorType type,
    Pattern pattern,
    Set<Integer> exitCodes,
    Set<Integer> signals,
    Pattern raisedIn,
    String hint) {

  public ErrorRule {
    exitCodes = Set.copyOf(exitCodes);
    signals = Set.copyOf(signals);
    if (pattern == null && exitCodes.isEmpty() && signals.isEmpty()) {
      throw new IllegalArgumentException("rule " + name + " has no pattern, exit_codes or signals");
    }
    if (raisedIn != null && pattern == null) {
      throw new IllegalArgumentException("rule " + name + " has raised_in but no pattern");
    }
  }

  public ErrorRule(
      String name,
      ErrorType type,
      Pattern pattern,
      Set<Integer> exitCodes,
      Set<Integer> signals,
      String hint) {
    this(name, type, pattern, exitCodes, signals, null, hint);
  }

  /**
   * True for a rule decided by the exit alone, which is only consulted once no text rule has
   * matched.
   */
  public boolean exitOnly() {
    return pattern == null;
  }

  /**
   * True for a text rule that can say who sent a SIGKILL, so it was not the OOM killer: one that
   * lists SIGKILL, or one for a time limit or a stop by a person (coreutils {@code timeout}, a
   * scheduler's time limit).
   */
  boolean explainsKill() {
    return pattern != null
        && (signals.contains(Evidence.SIGKILL)
            || type == ErrorType.TIMEOUT_ERROR
            || type == ErrorType.CANCELLED
            || type == ErrorType.MEMORY_ERROR);
  }

  boolean exitMatches(Integer exitCode, Integer signal) {
    return (exitCodes.isEmpty() || (exitCode != null && exitCodes.contains(exitCode)))
        && (signals.isEmpty() || (signal != null && signals.contains(signal)));
  }

  /**
   * The first match of this rule's pattern in {@code text}, if the exit and the frames ({@code
   * raisedIn}) also fit.
   */
  Optional<Matcher> match(String text, String frames, Integer exitCode, Integer signal) {
    if (pattern == null || !exitMatches(exitCode, signal)) {
      return Optional.empty();
    }
    if (raisedIn != null && (frames == null || !raisedIn.matcher(frames).find())) {
      return Optional.empty();
    }
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(m) : Optional.empty();
  }
}
