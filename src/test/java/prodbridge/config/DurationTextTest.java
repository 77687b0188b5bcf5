package prodbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {
  @ParameterizedTest
  @CsvSource({
    "250ms,250",
    "2s,2000",
    "30m,1800000",
    "1h,3600000",
    "1h30m,5400000",
    "1.5h,5400000",
    "2S,2000",
    " 10s ,10000"
  })
  void parsesWhatPeopleWrite(String text, long millis) {
    assertThat(DurationText.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "10 minutes", "-5s", "s", "1x", "1h 30m", "1.s"})
  void refusesWhatIsNotADuration(String text) {
    assertThatThrownBy(() -> DurationText.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad duration \"" + text + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0s", "0ms", "0h0m"})
  void refusesZero(String text) {
    assertThatThrownBy(() -> DurationText.parse(text))
        .hasMessageContaining("must be greater than zero");
  }

  @ParameterizedTest
  @CsvSource({"1800000,30m", "5400000,1h30m", "250,250ms", "2500,2s500ms", "10000,10s"})
  void formatsShortestExactText(long millis, String text) {
    assertThat(DurationText.format(Duration.ofMillis(millis))).isEqualTo(text);
    assertThat(DurationText.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }
}
