package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default format, and --format read from raw arguments for an error found before parsing could.
 */
class FormatMixinTest {
  @Test
  void withoutAChoiceAProgramGetsJsonAndAPersonText() {
    assertThat(FormatMixin.orDefault(null, false)).isEqualTo(OutputFormat.JSON);
    assertThat(FormatMixin.orDefault(null, true)).isEqualTo(OutputFormat.TEXT);
    assertThat(FormatMixin.orDefault(OutputFormat.MARKDOWN, false))
        .isEqualTo(OutputFormat.MARKDOWN);
  }

  @Test
  void peekReadsBothSpellingsInAnyCase() {
    assertThat(FormatMixin.peek(List.of("status", "--format", "json", "--bogus"), true))
        .isEqualTo(OutputFormat.JSON);
    assertThat(FormatMixin.peek(List.of("status", "--format=Markdown"), false))
        .isEqualTo(OutputFormat.MARKDOWN);
    assertThat(FormatMixin.peek(List.of("status", "--format=TEXT"), false))
        .isEqualTo(OutputFormat.TEXT);
  }

  @Test
  void aValueThatNamesNoFormatOrNoneAtAllFallsBackToTheDefault() {
    assertThat(FormatMixin.peek(List.of("status", "--format", "yaml"), false))
        .isEqualTo(OutputFormat.JSON);
    assertThat(FormatMixin.peek(List.of("status", "--format", "yaml"), true))
        .isEqualTo(OutputFormat.TEXT);
    assertThat(FormatMixin.peek(List.of("status", "--format"), true)).isEqualTo(OutputFormat.TEXT);
    assertThat(FormatMixin.peek(List.of("status"), false)).isEqualTo(OutputFormat.JSON);
  }
}
