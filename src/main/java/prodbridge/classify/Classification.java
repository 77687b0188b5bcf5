package prodbridge.classify;

/**
 * A failed run's class and why: {@code rule} names what decided it (a rule of the rules file, or
 * the bridge's own observation such as {@code bridge:deadline}), {@code evidence} the line it
 * matched (null when no text decided), and {@code hint} the one sentence a user acts on.
 */
public record Classification(ErrorType type, String rule, String evidence, String hint) {
  static final String OBSERVED = "bridge:";

  /** True when the bridge's own observation decided, not a rule over the child's text or exit. */
  public boolean observedByBridge() {
    return rule.startsWith(OBSERVED);
  }
}
