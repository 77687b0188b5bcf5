package prodbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {
  @ParameterizedTest
  @CsvSource({
    "512MB,536870912",
    "2GB,2147483648",
    "2gb,2147483648",
    "1.5g,1610612736",
    "100b,100",
    "64KiB,65536",
    "1TB,1099511627776"
  })
  void parsesOneThousandTwentyFourBasedCaseInsensitive(String text, long bytes) {
    assertThat(ByteSize.parse(text).bytes()).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "512", "MB", "-1MB", "0MB", "2 GBs", "1e3MB"})
  void refusesWhatIsNotASize(String text) {
    assertThatThrownBy(() -> ByteSize.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"512MB", "2GB", "1536KB", "100B"})
  void printsTheLargestExactUnit(String text) {
    assertThat(ByteSize.parse(text)).hasToString(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1024TB", "1125899906842624b"})
  void acceptsUpToTheMaximum(String text) {
    assertThat(ByteSize.parse(text).bytes()).isEqualTo(ByteSize.MAXIMUM);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1025TB", "1125899906842625b", "1125899906842624.5b", "99999999999999999999TB"})
  void refusesJustOverTheMaximumWithoutOverflow(String text) {
    assertThatThrownBy(() -> ByteSize.parse(text))
        .isInstanceOf(InvalidValue.class)
        .hasMessage("bad size \"" + text + "\": at most 1024TB");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0b", "0.5b", "0.0000001KB"})
  void refusesUnderOneByte(String text) {
    assertThatThrownBy(() -> ByteSize.parse(text))
        .isInstanceOf(InvalidValue.class)
        .hasMessage("bad size \"" + text + "\": must be greater than zero");
  }

  @Test
  void theConstructorHoldsTheSameRange() {
    assertThat(new ByteSize(1).bytes()).isEqualTo(1);
    assertThat(new ByteSize(ByteSize.MAXIMUM).bytes()).isEqualTo(ByteSize.MAXIMUM);
    assertThatThrownBy(() -> new ByteSize(0))
        .isInstanceOf(InvalidValue.class)
        .hasMessage("must be greater than zero");
    assertThatThrownBy(() -> new ByteSize(ByteSize.MAXIMUM + 1))
        .isInstanceOf(InvalidValue.class)
        .hasMessage("at most 1024TB");
  }
}
