package prodbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {
  @ParameterizedTest
  @CsvSource({"512MB,536870912", "2GB,2147483648", "2gb,2147483648", "1.5g,1610612736", "100b,100",
      "64KiB,65536", "1TB,1099511627776"})
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
}
