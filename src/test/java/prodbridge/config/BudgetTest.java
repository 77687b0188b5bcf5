package prodbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BudgetTest {
  @ParameterizedTest
  @ValueSource(doubles = {0.01, 0.011, 5, 999_999.99, 1_000_000})
  void acceptsOneCentToAMillion(double usd) {
    assertThat(new Budget(usd).usd()).isEqualTo(usd);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0099, 0, -1, 1_000_000.01, Double.NaN, Double.POSITIVE_INFINITY})
  void refusesEverythingElseSayingTheRange(double usd) {
    assertThatThrownBy(() -> new Budget(usd))
        .isInstanceOf(InvalidValue.class)
        .hasMessage("must be from 0.01 to 1000000 (USD)");
  }

  @ParameterizedTest
  @CsvSource({"5,5", "5.51,5.51", "$5.51,5.51", "' 0.01 ',0.01", "1000000,1000000"})
  void parsesWhatPeopleWrite(String text, double usd) {
    assertThat(Budget.parse(text).usd()).isEqualTo(usd);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.009", "0", "-1", "1000000.01", "1e999"})
  void parseQuotesTheTextOutOfRange(String text) {
    assertThatThrownBy(() -> Budget.parse(text))
        .isInstanceOf(InvalidValue.class)
        .hasMessage("\"" + text + "\": must be from 0.01 to 1000000 (USD)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "cheap", "NaN", "Infinity", "0x10", "$", "5 USD"})
  void parseQuotesTheTextThatIsNotANumber(String text) {
    assertThatThrownBy(() -> Budget.parse(text))
        .isInstanceOf(InvalidValue.class)
        .hasMessage("\"" + text + "\": not a number (USD)");
  }

  @Test
  void anAbsentAmountIsNoBudget() {
    assertThat(Budget.ofNullable(null)).isNull();
    assertThat(Budget.ofNullable(2.5)).isEqualTo(new Budget(2.5));
    assertThatThrownBy(() -> Budget.ofNullable(0.0)).isInstanceOf(InvalidValue.class);
  }
}
