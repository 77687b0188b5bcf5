package prodbridge.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "key sk-ant-api03-AbCdEfGhIjKlMnOp_qr-st rejected | key [REDACTED] rejected",
        "using sk-proj-1234567890abcdefXYZ now | using [REDACTED] now",
        "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig | Authorization: Bearer [REDACTED]",
        "headers={'xi-api-key': 'abcdef0123456789'} | headers={'xi-api-key': '[REDACTED]'}",
        "ANTHROPIC_API_KEY=sk-ant-xyz0123456789abc set | ANTHROPIC_API_KEY=[REDACTED] set",
        "ELEVENLABS_API_KEY=plainvalue123 | ELEVENLABS_API_KEY=[REDACTED]",
        "{\"api_key\": \"abcdefghijklmnop\"} | {\"api_key\": \"[REDACTED]\"}",
      })
  void removesKeysAndTokensButKeepsWhatNamesThem(String in, String out) {
    assertThat(Redactor.redact(in)).isEqualTo(out);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "anthropic.AuthenticationError: Error code: 401 - invalid x-api-key",
        "ANTHROPIC_API_KEY is not set",
        "task-ant-farm and sk-short",
        "Total Cost: $4.87",
      })
  void leavesOrdinaryTextAlone(String text) {
    assertThat(Redactor.redact(text)).isEqualTo(text);
  }
}
