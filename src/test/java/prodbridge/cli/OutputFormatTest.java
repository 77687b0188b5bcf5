package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.CliRun;
import prodbridge.testing.NoLeftoverProcesses;

/** What each format prints, and the commands that launch nothing. */
@ExtendWith(NoLeftoverProcesses.class)
class OutputFormatTest {
  @TempDir Path dir;

  @Test
  void markdownIsAShortSummaryForClaude() {
    CliRun run =
        new CliHarness(dir)
            .run(
                "run",
                "--format",
                "markdown",
                "--episode-id",
                "ep_md",
                "--",
                "bash",
                "-c",
                "echo '{\"status\": \"completed\", \"total_cost\": 1.25, \"overall_quality\": 8.5}'");
    assertThat(run.stdout())
        .startsWith("**run** succeeded · episode `ep_md`\n\n")
        .contains("- Cost: $1.25 of $5.51 budget (23%)")
        .contains("- Quality: 8.5/10 (threshold 8.0)")
        .contains("- 0 files");
  }

  @Test
  void markdownOfAFailureCarriesTheErrorTypeHintAndLog() {
    CliRun run =
        new CliHarness(dir)
            .run("run", "--format", "markdown", "--timeout", "300ms", "--", "sleep", "5");
    assertThat(run.exitCode()).isEqualTo(11);
    assertThat(run.stdout())
        .startsWith("**run** failed (TIMEOUT_ERROR)")
        .contains("- Error: **TIMEOUT_ERROR**: timed out after 300ms")
        .contains("- Hint: The run hit its deadline; raise it with --timeout")
        .contains("- Logs: `" + dir.resolve(".prod-bridge/runs"));
  }

  @Test
  void textIsTheTerminalDefault() {
    CliRun run = new CliHarness(dir).runOnTerminal("run", "--topic", "A topic", "--", "true");
    assertThat(run.stdout())
        .startsWith("run: succeeded\n  topic    A topic\n  cost     unknown ($5.51 budget)\n");
  }

  @Test
  void dryRunPrintsTheExactArgvAndCreatesNothing() throws Exception {
    CliRun run = new CliHarness(dir).run("prod-episode", "Why $(x)?", "--dry-run", "--budget", "3");
    assertThat(run.exitCode()).isZero();
    JsonNode plan = run.json();
    assertThat(plan.get("dry_run").asBoolean()).isTrue();
    assertThat(plan.get("argv").toString())
        .contains("\"--topic\",\"Why $(x)?\"")
        .contains("\"--budget\",\"3.00\"");
    assertThat(plan.get("profile").get("timeout").asText()).isEqualTo("30m");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
    CliRun text = new CliHarness(dir).runOnTerminal("prod-episode", "Why $(x)?", "--dry-run");
    assertThat(text.stdout()).contains("'Why $(x)?'").contains("nothing launched");
  }

  @Test
  void configPrintsTheEffectiveProfiles() {
    CliRun run = new CliHarness(dir).run("config");
    JsonNode c = run.json();
    assertThat(c.get("pipeline").asText()).isEqualTo("reference");
    assertThat(c.get("profiles").get("prod-audio").get("budget").asDouble()).isEqualTo(1.5);
    assertThat(c.get("profiles").get("prod-audio").get("retry").get("max_attempts").asInt())
        .isEqualTo(1);
    assertThat(c.get("profiles").get("prod-script").get("timeout").asText()).isEqualTo("15m");
  }
}
