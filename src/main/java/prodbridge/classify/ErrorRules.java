package prodbridge.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The classification rules in force: {@code rules} in the order they are tried (the first that
 * matches a piece of text wins), {@code ignoredLines} for log lines that report a handled problem
 * ("retrying in 4s") and must not decide a class, {@code exceptionNotes} for the lines libraries
 * add after an exception (PEP 678 notes such as LangGraph's {@code During task with name ...}),
 * which are context, not the exception, and the {@code providers} hints can name.
 */
public record ErrorRules(
    List<ErrorRule> rules,
    List<Pattern> ignoredLines,
    List<Pattern> exceptionNotes,
    List<ApiProvider> providers) {

  public static final ErrorRules NONE = new ErrorRules(List.of(), List.of(), List.of(), List.of());

  public ErrorRules {
    rules = List.copyOf(rules);
    ignoredLines = List.copyOf(ignoredLines);
    exceptionNotes = List.copyOf(exceptionNotes);
    providers = List.copyOf(providers);
  }

  /** Rules without exception notes to set aside. */
  public ErrorRules(
      List<ErrorRule> rules, List<Pattern> ignoredLines, List<ApiProvider> providers) {
    this(rules, ignoredLines, List.of(), providers);
  }

  /**
   * These rules with {@code first} tried before them (a user's rules go first, so they can
   * override).
   */
  public ErrorRules withFirst(List<ErrorRule> first) {
    List<ErrorRule> all = new ArrayList<>(first);
    all.addAll(rules);
    return new ErrorRules(all, ignoredLines, exceptionNotes, providers);
  }

  /** The text rules that name a class; tried on every piece before any other rule. */
  List<ErrorRule> textRules() {
    return rules.stream()
        .filter(r -> !r.exitOnly() && r.type() != ErrorType.EXECUTION_ERROR)
        .toList();
  }

  /**
   * Text rules that explain a plain failure (a missing input file): they only speak when no rule of
   * another class matched any piece, and before the rules over the exit alone.
   */
  List<ErrorRule> executionRules() {
    return rules.stream()
        .filter(r -> !r.exitOnly() && r.type() == ErrorType.EXECUTION_ERROR)
        .toList();
  }

  List<ErrorRule> exitRules() {
    return rules.stream().filter(ErrorRule::exitOnly).toList();
  }

  boolean ignored(String line) {
    return ignoredLines.stream().anyMatch(p -> p.matcher(line).find());
  }
}
