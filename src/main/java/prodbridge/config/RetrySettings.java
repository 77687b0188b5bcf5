package prodbridge.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import prodbridge.classify.ErrorType;

/**
 * One layer of a profile's retry settings ({@code "retry": {...}}); null means "not set here".
 * {@code maxAttempts} counts attempts, not retries; the wait before attempt n+1 is {@code delay *
 * backoff^(n-1)}, capped at {@code maxDelay}, then shortened by up to {@code jitter} (a fraction)
 * at random; only classes in {@code on} are retried.
 */
public record RetrySettings(
    @JsonDeserialize(using = Checked.AttemptCount.class) Integer maxAttempts,
    Duration delay,
    @JsonDeserialize(using = Checked.Multiplier.class) Double backoff,
    Duration maxDelay,
    @JsonDeserialize(using = Checked.Fraction.class) Double jitter,
    @JsonDeserialize(contentUsing = CheckedRules.ErrorTypeName.class) List<ErrorType> on) {

  public static final RetrySettings NONE = new RetrySettings(null, null, null, null, null, null);

  /**
   * The command line's layer: {@code --max-attempts} and {@code --retry-delay}; null when neither
   * is given.
   */
  public static RetrySettings commandLine(Integer maxAttempts, Duration delay) {
    return maxAttempts == null && delay == null
        ? null
        : new RetrySettings(maxAttempts, delay, null, null, null, null);
  }

  RetrySettings overriddenBy(RetrySettings over) {
    if (over == null) {
      return this;
    }
    return new RetrySettings(
        over.maxAttempts != null ? over.maxAttempts : maxAttempts,
        over.delay != null ? over.delay : delay,
        over.backoff != null ? over.backoff : backoff,
        over.maxDelay != null ? over.maxDelay : maxDelay,
        over.jitter != null ? over.jitter : jitter,
        over.on != null ? over.on : on);
  }

  RetryPolicy resolve(String profile) {
    if (maxAttempts == null
        || delay == null
        || backoff == null
        || maxDelay == null
        || jitter == null) {
      throw new UsageException(
          "profile "
              + profile
              + ": retry needs max_attempts, delay, backoff, max_delay and jitter");
    }
    EnumSet<ErrorType> classes = EnumSet.noneOf(ErrorType.class);
    if (on == null) {
      for (ErrorType t : ErrorType.values()) {
        if (t.retryableByDefault()) {
          classes.add(t);
        }
      }
    } else {
      classes.addAll(on);
    }
    return new RetryPolicy(
        maxAttempts,
        delay,
        backoff,
        maxDelay.compareTo(delay) < 0 ? delay : maxDelay,
        jitter,
        classes);
  }
}
