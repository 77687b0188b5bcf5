package prodbridge.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import prodbridge.config.ConfigLoader;
import prodbridge.config.ProfileSettings;

/**
 * Every labelled sample classified right with the built-in rules: the shared corpus (a copy of
 * shared/corpus/errors-sample.jsonl) and our own cases, many of them precedence traps. A sample is what a child
 * that exited by itself left: its exit code (a signal inferred from codes above 128, as the JDK reports it), its
 * stderr and the tail of its stdout.
 */
class ClassifierCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Classifier CLASSIFIER =
      new Classifier(new ConfigLoader(Map.of(), Path.of(".")).load(null, ProfileSettings.NONE).errorRules());

  /** Hints a user must see for some corpus samples (own cases carry theirs in "hint_contains"). */
  private static final Map<String, String> CORPUS_HINTS = Map.of(
      "p005", "PERPLEXITY_API_KEY",
      "p017", "ANTHROPIC_API_KEY",
      "p025", "ELEVENLABS_API_KEY",
      "p019", "langgraph.checkpoint.sqlite",
      "p011", "OpenAI",
      "p022", "ElevenLabs",
      "p016", "--budget",
      "p001", "--timeout");

  static Stream<Arguments> samples() throws IOException {
    List<Arguments> all = new ArrayList<>();
    for (String file : List.of("classify/errors-sample.jsonl", "classify/own-cases.jsonl", "classify/library-cases.jsonl")) {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(
          ClassifierCorpusTest.class.getClassLoader().getResourceAsStream(file), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (!line.isBlank()) {
            JsonNode n = JSON.readTree(line);
            all.add(Arguments.of(n.get("id").asText(), n));
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void classifiesEverySampleRight(String id, JsonNode sample) {
    int exit = sample.get("exit_code").asInt();
    Integer signal = exit > 128 && exit <= 192 ? exit - 128 : null;
    Evidence evidence = new Evidence(Evidence.Observation.EXITED, exit, signal, false, null, false,
        sample.get("stderr").asText(), sample.get("stdout_tail").asText());

    Optional<Classification> c = CLASSIFIER.classify(evidence);

    String expected = sample.get("label").asText();
    String why = id + ": " + sample.get("note").asText();
    if (expected.equals("SUCCESS")) {
      assertThat(c).as(why).isEmpty();
      return;
    }
    assertThat(c).as(why).isPresent();
    assertThat(c.get().type().name()).as(why + " (decided by " + c.get().rule() + ")").isEqualTo(expected);
    assertThat(c.get().hint()).as("hint of " + id).isNotBlank().doesNotContain("{");
    String hint = sample.has("hint_contains") ? sample.get("hint_contains").asText() : CORPUS_HINTS.get(id);
    if (hint != null) {
      assertThat(c.get().hint()).as("hint of " + id).contains(hint);
    }
  }
}
