package prodbridge.classify;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule of the rules file: when its conditions all hold, a failed run is of class {@code type}. A condition that
 * is absent holds: {@code pattern} (null: no text needed) is searched in a piece of stderr or the stdout tail;
 * {@code exitCodes} and {@code signals} (empty: any) are checked against how the child ended. {@code hint}, when
 * set, replaces the class's hint; {@code {name}} in it is filled from the pattern's named group {@code name}.
 */
public record ErrorRule(
    String name, ErrorType type, Pattern pattern, Set<Integer> exitCodes, Set<Integer> signals, String hint) {

  public ErrorRule {
    exitCodes = Set.copyOf(exitCodes);
    signals = Set.copyOf(signals);
    if (pattern == null && exitCodes.isEmpty() && signals.isEmpty()) {
      throw new IllegalArgumentException("rule " + name + " has no pattern, exit_codes or signals");
    }
  }

  /** True for a rule decided by the exit alone, which is only consulted once no text rule has matched. */
  public boolean exitOnly() {
    return pattern == null;
  }

  boolean exitMatches(Integer exitCode, Integer signal) {
    return (exitCodes.isEmpty() || (exitCode != null && exitCodes.contains(exitCode)))
        && (signals.isEmpty() || (signal != null && signals.contains(signal)));
  }

  /** The first match of this rule's pattern in {@code text}, if the exit also fits. */
  Optional<Matcher> match(String text, Integer exitCode, Integer signal) {
    if (pattern == null || !exitMatches(exitCode, signal)) {
      return Optional.empty();
    }
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(m) : Optional.empty();
  }
}
