package prodbridge.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import prodbridge.config.ConfigLoader;
import prodbridge.config.ProfileSettings;
import prodbridge.testing.ErrorCorpus;

/**
 * Every labelled sample of the {@link ErrorCorpus} classified right with the built-in rules, one
 * test per case so a miss names its case, note and deciding rule. A signal is inferred from exit
 * codes above 128, as the JDK reports one. The score of the whole corpus is {@code
 * CorpusScoreTest}'s.
 */
class ClassifierCorpusTest {
  private static final Classifier CLASSIFIER =
      new Classifier(
          new ConfigLoader(Map.of(), Path.of(".")).load(null, ProfileSettings.NONE).errorRules());

  /** Hints a user must see for some corpus samples (own cases carry theirs in "hint_contains"). */
  private static final Map<String, String> CORPUS_HINTS =
      Map.of(
          "p005", "PERPLEXITY_API_KEY",
          "p017", "ANTHROPIC_API_KEY",
          "p025", "ELEVENLABS_API_KEY",
          "p019", "langgraph.checkpoint.sqlite",
          "p011", "OpenAI",
          "p022", "ElevenLabs",
          "p016", "--budget",
          "p001", "--timeout");

  static Stream<Arguments> samples() {
    return ErrorCorpus.cases().stream().map(n -> Arguments.of(n.get("id").asText(), n));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void classifiesEverySampleRight(String id, JsonNode sample) {
    Evidence evidence =
        Evidence.ofExit(
            sample.get("exit_code").asInt(),
            sample.get("stderr").asText(),
            sample.get("stdout_tail").asText());

    Optional<Classification> c = CLASSIFIER.classify(evidence);

    String expected = sample.get("label").asText();
    String why = id + ": " + sample.get("note").asText();
    if (expected.equals("SUCCESS")) {
      assertThat(c).as(why).isEmpty();
      return;
    }
    assertThat(c).as(why).isPresent();
    assertThat(c.get().type().name())
        .as(why + " (decided by " + c.get().rule() + ")")
        .isEqualTo(expected);
    assertThat(c.get().hint()).as("hint of " + id).isNotBlank().doesNotContain("{");
    String hint =
        sample.has("hint_contains") ? sample.get("hint_contains").asText() : CORPUS_HINTS.get(id);
    if (hint != null) {
      assertThat(c.get().hint()).as("hint of " + id).contains(hint);
    }
  }
}
