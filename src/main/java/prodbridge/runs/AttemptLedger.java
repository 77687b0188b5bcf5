package prodbridge.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import prodbridge.classify.ErrorType;
import prodbridge.config.RetryPolicy;

/**
 * The attempts of one run so far and what they cost, and whether another may start: only after a
 * failure the policy retries, while attempts are left, and while the budget left covers what the
 * dearest attempt so far cost (so retries never spend past the run's budget; each attempt is also
 * given only what is left as its limit).
 */
final class AttemptLedger {
  private final double budget;
  private final RetryPolicy policy;
  private final List<RunResult> results = new ArrayList<>();

  AttemptLedger(double budget, RetryPolicy policy) {
    this.budget = budget;
    this.policy = policy;
  }

  void add(RunResult attempt) {
    results.add(attempt);
  }

  int size() {
    return results.size();
  }

  /**
   * What the next attempt may spend: the budget less every attempt's cost (an unknown cost counts
   * as none).
   */
  double remaining() {
    return Math.max(0, budget - spent());
  }

  /**
   * Null when another attempt should start; otherwise why not, for the message (blank when nothing
   * to add).
   */
  String whyNotAgain(RunResult last) {
    if (last.succeeded() || last.errorType() == ErrorType.CANCELLED) {
      return "";
    }
    if (!policy.retries(last.errorType())) {
      return size() > 1
          ? "not retried: " + last.errorType() + " is not retried by this profile"
          : "";
    }
    if (size() >= policy.maxAttempts()) {
      return size() > 1 ? "gave up after " + size() + " attempts (raise with --max-attempts)" : "";
    }
    double dearest =
        results.stream()
            .map(RunResult::finalCost)
            .filter(Objects::nonNull)
            .mapToDouble(Double::doubleValue)
            .max()
            .orElse(0);
    if (remaining() <= 0 || remaining() < dearest) {
      return String.format(
          Locale.ROOT,
          "not retried: $%.2f of the $%.2f budget is left and an attempt has cost up to $%.2f",
          remaining(),
          budget,
          dearest);
    }
    return null;
  }

  /**
   * The last attempt's result turned into a cancellation, for a cancel that came while waiting to
   * retry.
   */
  RunResult cancelledWhileWaiting(RunResult last) {
    return last.asCancelled(
        "cancelled while waiting to retry after " + last.errorType() + ": " + last.errorMessage());
  }

  List<AttemptSummary> summaries() {
    return results.stream().map(r -> r.attempts().get(0)).toList();
  }

  /** The sum of the attempts' costs; null when no attempt's cost is known. */
  Double totalCost() {
    return results.stream().allMatch(r -> r.finalCost() == null) ? null : spent();
  }

  Long peakMemoryMb() {
    return results.stream()
        .map(RunResult::peakMemoryMb)
        .filter(Objects::nonNull)
        .max(Long::compare)
        .orElse(null);
  }

  private double spent() {
    return results.stream()
        .map(RunResult::finalCost)
        .filter(Objects::nonNull)
        .mapToDouble(Double::doubleValue)
        .sum();
  }
}
