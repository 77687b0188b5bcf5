package prodbridge.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import prodbridge.classify.ErrorRule;
import prodbridge.classify.ErrorType;

/**
 * One error rule as a rules file or a user's {@code error_rules} states it, before it is checked as
 * a whole.
 */
record RuleSetting(
    String name,
    @JsonDeserialize(using = CheckedRules.ErrorTypeName.class) ErrorType errorType,
    @JsonDeserialize(using = CheckedRules.Regex.class) Pattern pattern,
    @JsonDeserialize(contentUsing = CheckedRules.ExitCode.class) List<Integer> exitCodes,
    @JsonDeserialize(contentUsing = CheckedRules.SignalValue.class) List<Integer> signals,
    @JsonDeserialize(using = CheckedRules.Regex.class) Pattern raisedIn,
    String hint) {

  /**
   * The rule, or a usage error naming {@code where} (like {@code prod-bridge.json:
   * error_rules[2]}).
   */
  ErrorRule toRule(String where) {
    if (name == null || name.isBlank()) {
      throw new UsageException(where + ": a rule needs a \"name\"");
    }
    String at = where + " (" + name + ")";
    if (errorType == null) {
      throw new UsageException(at + ": a rule needs an \"error_type\"");
    }
    if (pattern == null && empty(exitCodes) && empty(signals)) {
      throw new UsageException(at + ": a rule needs a \"pattern\", \"exit_codes\" or \"signals\"");
    }
    if (raisedIn != null && pattern == null) {
      throw new UsageException(
          at + ": \"raised_in\" needs a \"pattern\" (it narrows where that exception was raised)");
    }
    return new ErrorRule(
        name, errorType, pattern, setOf(exitCodes), setOf(signals), raisedIn, hint);
  }

  private static Set<Integer> setOf(List<Integer> values) {
    return values == null ? Set.of() : Set.copyOf(values);
  }

  private static boolean empty(List<Integer> values) {
    return values == null || values.isEmpty();
  }
}
