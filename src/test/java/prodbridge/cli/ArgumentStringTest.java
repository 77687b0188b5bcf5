package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * $ARGUMENTS arrive as one string; the bridge splits it as a shell would, quotes included, and
 * expands nothing.
 */
class ArgumentStringTest {
  @TempDir Path dir;

  @Test
  void splitsLikeAShellWithoutExpandingAnything() {
    assertThat(ArgumentString.split("\"Why do we dream?\" --budget 3"))
        .containsExactly("Why do we dream?", "--budget", "3");
    assertThat(ArgumentString.split("Why do we dream? --budget=3.5"))
        .containsExactly("Why", "do", "we", "dream?", "--budget=3.5");
    assertThat(ArgumentString.split("'It''s \"fine\"' $HOME `date` ; rm -rf x"))
        .containsExactly("Its \"fine\"", "$HOME", "`date`", ";", "rm", "-rf", "x");
    assertThat(ArgumentString.split("\"say \\\"hi\\\" \\\\ now\" it\\'s"))
        .containsExactly("say \"hi\" \\ now", "it's");
    assertThat(ArgumentString.split("  Träume, 夢 und 🌙  --episode-id ep_1 "))
        .containsExactly("Träume,", "夢", "und", "🌙", "--episode-id", "ep_1");
    assertThat(ArgumentString.split("\"\" x")).containsExactly("", "x");
    assertThat(ArgumentString.split("   ")).isEmpty();
  }

  @Test
  void apostrophesAndLoneQuotesAreKeptAsTyped() {
    assertThat(ArgumentString.split("The moon's tides")).containsExactly("The", "moon's", "tides");
    assertThat(ArgumentString.split("The moon's and the sun's tides --budget 2"))
        .containsExactly("The", "moon's", "and", "the", "sun's", "tides", "--budget", "2");
    assertThat(ArgumentString.split("'The moon's tides' --budget 2"))
        .containsExactly("The moon's tides", "--budget", "2");
    assertThat(ArgumentString.split("\"The moon's tides\" 'tis"))
        .containsExactly("The moon's tides", "'tis");
    assertThat(ArgumentString.split("Don't say 'hi'")).containsExactly("Don't", "say", "hi");
    assertThat(ArgumentString.split("12\" records $(touch x)"))
        .containsExactly("12\"", "records", "$(touch", "x)");
  }

  @Test
  void onlyTheBridgesOwnArgsAreExpandedNotARunsCommandLine() {
    assertThat(
            List.of(
                ArgumentString.expand(new String[] {"prod-episode", "--args", "'a b' --budget 2"})))
        .containsExactly("prod-episode", "a b", "--budget", "2");
    assertThat(
            List.of(ArgumentString.expand(new String[] {"run", "--", "echo", "--args", "'x y'"})))
        .containsExactly("run", "--", "echo", "--args", "'x y'");
  }

  @Test
  void aSlashCommandsArgumentsBecomeTheTopicAndTheFlags() {
    JsonNode plan =
        new CliHarness(dir)
            .run(
                "prod-episode",
                "--dry-run",
                "--format",
                "json",
                "--args",
                "\"Pourquoi rêve-t-on ? L'été\" --budget 3 --quality-threshold 7.5")
            .json();
    assertThat(plan.get("topic").asText()).isEqualTo("Pourquoi rêve-t-on ? L'été");
    assertThat(plan.get("argv").toString()).contains("\"3.00\"", "\"7.5\"");

    JsonNode typed =
        new CliHarness(dir)
            .run(
                "prod-episode",
                "--dry-run",
                "--format",
                "json",
                "--args",
                "The moon's tides $(touch x) 🌙")
            .json();
    assertThat(typed.get("topic").asText()).isEqualTo("The moon's tides $(touch x) 🌙");
  }
}
