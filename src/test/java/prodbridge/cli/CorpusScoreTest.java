package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.classify.Classifier;
import prodbridge.classify.Evidence;
import prodbridge.config.ConfigLoader;
import prodbridge.config.ProfileSettings;
import prodbridge.testing.CliRun;
import prodbridge.testing.ErrorCorpus;

/**
 * The score of the whole public error corpus, measured twice: by the classifier a run uses, and
 * through {@code prod-bridge classify} on the cases saved as files. Prints the size and the score
 * (the README's figure); anything under 100 % fails and lists the misses.
 */
class CorpusScoreTest {
  @TempDir Path dir;

  @Test
  void everyCaseOfTheCorpusIsClassifiedRightByTheClassifierAndByTheClassifyCommand()
      throws Exception {
    List<JsonNode> cases = ErrorCorpus.cases();
    Classifier classifier =
        new Classifier(
            new ConfigLoader(Map.of(), dir).load(null, ProfileSettings.NONE).errorRules());
    CliHarness cli = new CliHarness(dir);
    List<String> missed = new ArrayList<>();
    List<String> missedByCommand = new ArrayList<>();
    for (JsonNode c : cases) {
      String id = c.get("id").asText();
      String expected = c.get("label").asText();
      int exit = c.get("exit_code").asInt();
      String got =
          classifier
              .classify(
                  Evidence.ofExit(exit, c.get("stderr").asText(), c.get("stdout_tail").asText()))
              .map(x -> x.type().name())
              .orElse("SUCCESS");
      if (!got.equals(expected)) {
        missed.add(id + " " + expected + " got " + got);
      }
      Path err = Files.writeString(dir.resolve(id + ".stderr"), c.get("stderr").asText());
      Path out = Files.writeString(dir.resolve(id + ".stdout"), c.get("stdout_tail").asText());
      CliRun run =
          cli.run(
              "classify",
              "--stderr",
              err.toString(),
              "--stdout",
              out.toString(),
              "--exit",
              String.valueOf(exit),
              "--format",
              "json");
      JsonNode type = run.json().get("error_type");
      String byCommand =
          run.exitCode() != 0
              ? "exit " + run.exitCode()
              : type.isNull() ? "SUCCESS" : type.asText();
      if (!byCommand.equals(expected)) {
        missedByCommand.add(id + " " + expected + " got " + byCommand);
      }
    }
    System.out.println(
        String.format(
            Locale.ROOT,
            "error corpus: %d cases; classifier %d right (%.1f %%); prod-bridge classify %d right (%.1f %%)",
            cases.size(),
            cases.size() - missed.size(),
            100.0 * (cases.size() - missed.size()) / cases.size(),
            cases.size() - missedByCommand.size(),
            100.0 * (cases.size() - missedByCommand.size()) / cases.size()));
    assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
    assertThat(missed).as("cases the classifier gets wrong").isEmpty();
    assertThat(missedByCommand).as("cases prod-bridge classify gets wrong").isEmpty();
  }
}
