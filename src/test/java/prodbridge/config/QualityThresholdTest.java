package prodbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QualityThresholdTest {
  @ParameterizedTest
  @ValueSource(doubles = {0, 0.001, 8.5, 9.999, 10})
  void acceptsZeroToTen(double score) {
    assertThat(new QualityThreshold(score).score()).isEqualTo(score);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.001, 10.001, -1, 11, Double.NaN, Double.NEGATIVE_INFINITY})
  void refusesEverythingElseSayingTheRange(double score) {
    assertThatThrownBy(() -> new QualityThreshold(score))
        .isInstanceOf(InvalidValue.class)
        .hasMessage("must be between 0 and 10");
  }

  @ParameterizedTest
  @CsvSource({"8,8", "8.5,8.5", "' 0 ',0", "10,10"})
  void parsesWhatPeopleWrite(String text, double score) {
    assertThat(QualityThreshold.parse(text).score()).isEqualTo(score);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-0.5", "10.01", "12"})
  void parseQuotesTheTextOutOfRange(String text) {
    assertThatThrownBy(() -> QualityThreshold.parse(text))
        .isInstanceOf(InvalidValue.class)
        .hasMessage("\"" + text + "\": must be between 0 and 10");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "high", "NaN", "8/10"})
  void parseQuotesTheTextThatIsNotANumber(String text) {
    assertThatThrownBy(() -> QualityThreshold.parse(text))
        .isInstanceOf(InvalidValue.class)
        .hasMessage("\"" + text + "\": not a number");
  }

  @Test
  void anAbsentScoreIsNoThreshold() {
    assertThat(QualityThreshold.ofNullable(null)).isNull();
    assertThat(QualityThreshold.ofNullable(7.0)).isEqualTo(new QualityThreshold(7));
    assertThatThrownBy(() -> QualityThreshold.ofNullable(10.5)).isInstanceOf(InvalidValue.class);
  }
}
