package prodbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MaxAttemptsTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 19, 20})
  void acceptsOneToTwenty(int count) {
    assertThat(new MaxAttempts(count).count()).isEqualTo(count);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 21, -1, Integer.MAX_VALUE + 2L, Long.MIN_VALUE})
  void refusesEverythingElseSayingTheRange(long count) {
    assertThatThrownBy(() -> MaxAttempts.of(count))
        .isInstanceOf(InvalidValue.class)
        .hasMessage("expected a whole number from 1 to 20");
  }

  @ParameterizedTest
  @CsvSource({"1,1", "20,20", "' 3 ',3"})
  void parsesAWholeNumber(String text, int count) {
    assertThat(MaxAttempts.parse(text).count()).isEqualTo(count);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "21", "", "three", "2.5", "99999999999999999999"})
  void parseQuotesTheTextAndSaysTheRange(String text) {
    assertThatThrownBy(() -> MaxAttempts.parse(text))
        .isInstanceOf(InvalidValue.class)
        .hasMessage("\"" + text + "\": expected a whole number from 1 to 20");
  }
}
