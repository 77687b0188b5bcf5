package prodbridge.config;

import java.time.Duration;
import java.util.Set;
import prodbridge.classify.ErrorType;

/**
 * How a failed run is tried again: at most {@code maxAttempts} attempts in all, only for the
 * classes in {@code on}, waiting {@code delay}, then {@code backoff} times longer each time up to
 * {@code maxDelay}, each wait shortened by a random part of up to {@code jitter} of it (so parallel
 * runs do not retry in step, and no wait exceeds the cap).
 */
public record RetryPolicy(
    int maxAttempts,
    Duration delay,
    double backoff,
    Duration maxDelay,
    double jitter,
    Set<ErrorType> on) {

  public RetryPolicy {
    on = Set.copyOf(on);
  }

  public boolean retries(ErrorType type) {
    return type != null && on.contains(type);
  }

  /**
   * The wait after failed attempt {@code attempt} (1-based); {@code random} is uniform in [0, 1).
   */
  public Duration delayAfter(int attempt, double random) {
    double millis = delay.toMillis() * Math.pow(backoff, Math.max(0, attempt - 1));
    millis = Math.min(millis, maxDelay.toMillis());
    millis -= millis * jitter * random;
    return Duration.ofMillis(Math.round(millis));
  }
}
