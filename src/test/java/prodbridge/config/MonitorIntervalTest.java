package prodbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MonitorIntervalTest {
  @ParameterizedTest
  @ValueSource(longs = {100, 101, 1_000, 3_600_000})
  void acceptsAHundredMillisecondsOrMore(long millis) {
    assertThat(new MonitorInterval(Duration.ofMillis(millis)).value())
        .isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(longs = {99, 50, 1, 0})
  void refusesLessSayingTheMinimum(long millis) {
    assertThatThrownBy(() -> new MonitorInterval(Duration.ofMillis(millis)))
        .isInstanceOf(InvalidValue.class)
        .hasMessage("must be at least 100ms");
  }

  @Test
  void refusesJustUnderTheMinimum() {
    assertThatThrownBy(() -> new MonitorInterval(Duration.ofMillis(100).minusNanos(1)))
        .isInstanceOf(InvalidValue.class);
  }

  @Test
  void parsesADurationAndNamesItselfWhenTooShort() {
    assertThat(MonitorInterval.parse("100ms").value()).isEqualTo(Duration.ofMillis(100));
    assertThat(MonitorInterval.parse("0.1s").value()).isEqualTo(Duration.ofMillis(100));
    assertThatThrownBy(() -> MonitorInterval.parse("99ms"))
        .isInstanceOf(InvalidValue.class)
        .hasMessage("monitor interval \"99ms\": must be at least 100ms");
  }

  @Test
  void parseLeavesWhatIsNotADurationToDurationText() {
    assertThatThrownBy(() -> MonitorInterval.parse("fast"))
        .isInstanceOf(InvalidValue.class)
        .hasMessageStartingWith("bad duration \"fast\"");
  }

  @Test
  void anAbsentDurationIsNoInterval() {
    assertThat(MonitorInterval.ofNullable(null)).isNull();
    assertThat(MonitorInterval.ofNullable(Duration.ofSeconds(1)))
        .isEqualTo(new MonitorInterval(Duration.ofSeconds(1)));
    assertThatThrownBy(() -> MonitorInterval.ofNullable(Duration.ofMillis(10)))
        .isInstanceOf(InvalidValue.class);
  }
}
