package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.Bridge;
import prodbridge.testing.CliRun;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * What users expect of a command-line tool: a version, completion, a runs table with filters,
 * prune, log formats.
 */
@ExtendWith(NoLeftoverProcesses.class)
class UserExpectationsTest {
  @TempDir Path dir;

  @Test
  void versionComesFromTheBuild() {
    CliRun r = new CliHarness(dir).run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).matches("(?s)prod-bridge \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\nJava .*");
  }

  @Test
  void completionIsPicocliBashCompletionOfEveryCommand() {
    CliRun r = new CliHarness(dir).run("completion");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout())
        .startsWith("#!/usr/bin/env bash")
        .contains("complete -F")
        .contains("prod-episode", "batch-status", "--episode-id", "--max-attempts");
  }

  @Test
  void runsHasAHeaderFiltersAndJsonWithEpisodeErrorTypeAndTimes() {
    CliHarness h = new CliHarness(dir);
    h.run("run", "--episode-id", "ep_ok", "--", "true");
    h.run(
        "run",
        "--episode-id",
        "ep_ok",
        "--",
        "bash",
        "-c",
        "echo '{\"event\":\"x\",\"cost\":0.25}'; exit 3");
    h.run("prod-research", "Tea", "--episode-id", "ep_tea");

    assertThat(h.run("runs", "--format", "text").stdout())
        .startsWith("run id")
        .contains("command", "status", "age");
    JsonNode errors = h.run("runs", "--status", "error").json();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).get("episode_id").asText()).isEqualTo("ep_ok");
    assertThat(errors.get(0).get("error_type").asText()).isEqualTo("EXECUTION_ERROR");
    assertThat(errors.get(0).get("started_at").asText()).endsWith("Z");
    assertThat(errors.get(0).get("ended_at").asText()).endsWith("Z");
    assertThat(h.run("runs", "--command", "prod-research").json()).hasSize(1);
    assertThat(h.run("runs", "--since", "1h").json()).hasSize(3);

    JsonNode episode = h.run("runs", "--episode-id", "ep_ok").json();
    assertThat(episode.get("runs")).hasSize(2);
    assertThat(episode.get("total_cost").asDouble()).isEqualTo(0.25);
    assertThat(h.run("runs", "--command", "nope").exitCode()).isEqualTo(2);
  }

  @Test
  void pruneListsThenRemovesEndedRunsAndIdleEpisodes() throws Exception {
    CliHarness h = new CliHarness(dir);
    h.run(
        "run",
        "--episode-id",
        "ep_old",
        "--",
        "bash",
        "-c",
        "echo x > \"$PROD_BRIDGE_OUTPUT_DIR/f\"");
    Thread.sleep(50);

    JsonNode dry = h.run("prune", "--older-than", "10ms", "--dry-run").json();
    assertThat(dry.get("runs")).hasSize(1);
    assertThat(dry.get("episodes").get(0).asText()).isEqualTo("ep_old");
    assertThat(dir.resolve("episodes/ep_old")).isDirectory();

    JsonNode done = h.run("prune", "--older-than", "10ms").json();
    assertThat(done.get("bytes").asLong()).isPositive();
    assertThat(dir.resolve("episodes/ep_old")).doesNotExist();
    try (var left = Files.list(dir.resolve(".prod-bridge/runs"))) {
      assertThat(left).isEmpty();
    }
    assertThat(h.run("prune", "--older-than", "1h", "--dry-run").json().get("runs")).isEmpty();
  }

  @Test
  void logsGiveJsonLinesOrAMarkdownBlock() {
    CliHarness h = new CliHarness(dir);
    String id =
        h.run("run", "--", "bash", "-c", "echo one; echo 'two \"quoted\"'")
            .json()
            .get("run_id")
            .asText();
    String[] lines = h.run("logs", id, "--format", "json").stdout().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(Bridge.json(lines[1]).get("line").asText()).isEqualTo("two \"quoted\"");
    assertThat(Bridge.json(lines[1]).get("stream").asText()).isEqualTo("stdout");
    assertThat(h.run("logs", id, "--format", "markdown").stdout())
        .isEqualTo("```\none\ntwo \"quoted\"\n```\n");
    assertThat(h.run("logs", id).stdout())
        .as("piped or not, the lines as they are unless asked")
        .isEqualTo("one\ntwo \"quoted\"\n");
    assertThat(h.run("logs", "--help").stdout())
        .as("and its help says so")
        .contains("text (the default")
        .doesNotContain("json when stdout is not a terminal");
  }

  @Test
  void batchMarkdownIsTheTextSummaryInACodeBlock() throws Exception {
    Files.writeString(dir.resolve("s.txt"), "Dreams\n");
    CliRun r = new CliHarness(dir).run("batch", "s.txt", "--dry-run", "--format", "markdown");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).startsWith("```\nbatch ").endsWith("```\n");
  }
}
