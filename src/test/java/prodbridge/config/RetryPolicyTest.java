package prodbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import prodbridge.classify.ErrorType;

class RetryPolicyTest {
  private static final RetryPolicy POLICY =
      new RetryPolicy(
          5,
          Duration.ofSeconds(1),
          2.0,
          Duration.ofSeconds(3),
          0.5,
          Set.of(ErrorType.RATE_LIMITED));

  @Test
  void waitsGrowByTheBackoffUpToTheCap() {
    assertThat(POLICY.delayAfter(1, 0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(POLICY.delayAfter(2, 0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(POLICY.delayAfter(3, 0)).isEqualTo(Duration.ofSeconds(3));
    assertThat(POLICY.delayAfter(4, 0)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void jitterOnlyShortensAWaitAndByAtMostItsFraction() {
    assertThat(POLICY.delayAfter(1, 0.999))
        .isBetween(Duration.ofMillis(500), Duration.ofMillis(501));
    assertThat(POLICY.delayAfter(4, 0.5)).isEqualTo(Duration.ofMillis(2250));
  }

  @Test
  void onlyTheListedClassesAreRetried() {
    assertThat(POLICY.retries(ErrorType.RATE_LIMITED)).isTrue();
    assertThat(POLICY.retries(ErrorType.API_AUTH_ERROR)).isFalse();
    assertThat(POLICY.retries(null)).isFalse();
  }
}
