package prodbridge.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import prodbridge.config.ConfigLoader;
import prodbridge.config.ProfileSettings;
import prodbridge.config.UsageException;

/** Every hint a user can see tells them what to do: a verb they can act on, and what to act on. */
class HintsTest {
  private static final Pattern ACTION =
      Pattern.compile(
          "\\b(?:[Ss]et|[Ii]nstall|[Rr]aise|[Ll]ower|[Ff]ree|[Tt]op it up|[Ww]ait|[Ff]ix|[Cc]heck|[Cc]reate|[Cc]ompare|[Rr]ead"
              + "|[Ss]tart|[Aa]llow|[Pp]oint|[Ee]nable|[Aa]sk|[Mm]ake|[Pp]roduce)\\b");
  private static final Pattern WHAT =
      Pattern.compile(
          "--[a-z-]+|[A-Z][A-Z0-9_]*_API_KEY|\\{apikey}|\\{module}|\\{disk}|\\{provider}|config|settings|logs|output_root|"
              + "timeout|memory|\\.env|module|program|file|account|project|cap|variable|error_rules|it again");

  @Test
  void everyClassAndEveryBuiltInRuleHasAHintThatNamesAnAction() {
    ErrorRules rules =
        new ConfigLoader(Map.of(), Path.of(".")).load(null, ProfileSettings.NONE).errorRules();
    for (ErrorType type : ErrorType.values()) {
      assertThat(type.hint()).as(type.name()).containsPattern(ACTION).containsPattern(WHAT);
    }
    for (ErrorRule rule : rules.rules()) {
      String hint = rule.hint() != null ? rule.hint() : rule.type().hint();
      assertThat(hint).as(rule.name()).containsPattern(ACTION).containsPattern(WHAT);
    }
  }

  @Test
  void aSettingsFieldNamesTheVariableUpperCased() {
    ErrorRules rules =
        new ConfigLoader(Map.of(), Path.of(".")).load(null, ProfileSettings.NONE).errorRules();
    Classification c =
        new Classifier(rules)
            .classify(
                Evidence.ofExit(
                    1,
                    """
        pydantic_core._pydantic_core.ValidationError: 1 validation error for PodcastSettings
        llm.anthropic_api_key
          Field required [type=missing, input_value={}, input_type=dict]
        """,
                    ""))
            .orElseThrow();

    assertThat(c.type()).isEqualTo(ErrorType.API_AUTH_ERROR);
    assertThat(c.rule()).isEqualTo("settings-api-key-missing");
    assertThat(c.hint()).startsWith("Set ANTHROPIC_API_KEY ");
  }

  @Test
  void raisedInNeedsAPatternToNarrow() {
    var loader = new ConfigLoader(Map.of(), Path.of("."));
    try {
      java.nio.file.Path f = java.nio.file.Files.createTempFile("rules", ".json");
      java.nio.file.Files.writeString(
          f,
          """
          {"error_rules": [{"name": "x", "error_type": "CONFIG_ERROR", "exit_codes": [3], "raised_in": "config"}]}""");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> loader.load(f, ProfileSettings.NONE))
          .isInstanceOf(UsageException.class)
          .hasMessageContaining("(x)")
          .hasMessageContaining("raised_in");
      java.nio.file.Files.delete(f);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
