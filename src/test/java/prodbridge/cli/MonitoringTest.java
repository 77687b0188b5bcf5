package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.Bridge;
import prodbridge.testing.CliRun;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * Live monitoring of real process trees: memory, cost, stalls, files, quality, and what is written
 * about them.
 */
@ExtendWith(NoLeftoverProcesses.class)
class MonitoringTest {
  private static final String GROW_50MB_EVERY_100MS =
      "import time\nheld = []\nwhile True:\n    held.append(b'x' * (50 * 1024 * 1024))\n    time.sleep(0.1)\n";

  @TempDir Path dir;

  private CliRun run(String... args) {
    return new CliHarness(dir).run(args);
  }

  @Test
  void aGrowingProcessIsEndedSoonAfterCrossingTheMemoryLimit() throws Exception {
    CliRun run =
        run(
            "run",
            "--memory-limit",
            "200MB",
            "--monitor-interval",
            "250ms",
            "--grace",
            "1s",
            "--",
            "python3",
            "-c",
            GROW_50MB_EVERY_100MS);
    assertThat(run.exitCode()).as(run.stdout()).isEqualTo(13);
    JsonNode r = run.json();
    assertThat(r.get("error_type").asText()).isEqualTo("MEMORY_ERROR");
    assertThat(r.get("peak_memory_mb").asLong()).isBetween(200L, 600L);
    assertThat(r.get("error_message").asText()).contains("over the 200 MB limit").contains("peak ");
    // how fast the child grows is the machine's (3 s to 200 MB under load); how fast the limit ends
    // it is ours
    assertThat(secondsFromCrossingToEnd(r, 200))
        .as("the 1 s grace and a loaded machine's margin, not a run left" + " growing")
        .isLessThan(5.0);
  }

  @Test
  void threeProcessesUnderTheLimitEachAreEndedWhenTheirSumCrossesIt() throws Exception {
    String hold120 = "import time\nx = b'x' * (120 * 1024 * 1024)\ntime.sleep(60)\n";
    CliRun run =
        run(
            "run",
            "--memory-limit",
            "300MB",
            "--monitor-interval",
            "200ms",
            "--grace",
            "1s",
            "--",
            "bash",
            "-c",
            "for i in 1 2 3; do python3 -c \"$0\" & done; wait",
            hold120);
    JsonNode r = run.json();
    assertThat(r.get("error_type").asText()).as(run.stdout()).isEqualTo("MEMORY_ERROR");
    assertThat(r.get("peak_memory_mb").asLong()).isBetween(300L, 450L);
    assertThat(r.get("processes_ended").get("sigterm").asInt())
        .as("bash and three pythons")
        .isGreaterThanOrEqualTo(4);
    assertThat(secondsFromCrossingToEnd(r, 300))
        .as("the 1 s grace and a loaded machine's margin, not the 60 s" + " sleep")
        .isLessThan(5.0);
    assertThat(r.get("execution_time").asDouble())
        .as("well short of the children's 60 s sleep")
        .isLessThan(30.0);
  }

  @Test
  void costEventsCrossingTheBudgetEndTheRunAtOnce() {
    String events =
        "for c in 0.2 0.6 1.3; do echo \"{\\\"event\\\": \\\"progress\\\", \\\"cost\\\": $c}\"; sleep 0.3; done; sleep 30";
    CliRun run = run("run", "--budget", "1.00", "--grace", "1s", "--", "bash", "-c", events);
    assertThat(run.exitCode()).isEqualTo(14);
    JsonNode r = run.json();
    assertThat(r.get("error_type").asText()).isEqualTo("BUDGET_EXCEEDED");
    assertThat(r.get("final_cost").asDouble()).isEqualTo(1.3);
    assertThat(r.get("error_message").asText()).contains("$1.30, over the $1.00 budget");
    assertThat(r.get("execution_time").asDouble())
        .as("not the 30 s sleep, not a sample later")
        .isLessThan(2.5);
  }

  @Test
  void costAlsoComesFromTheEventsFileTheBridgeNames() {
    String events =
        "for c in 0.5 2.5; do echo \"{\\\"event\\\": \\\"cost\\\", \\\"cost\\\": $c}\" >> \"$PROD_BRIDGE_EVENTS_FILE\"; sleep 0.3; done; sleep 30";
    JsonNode r =
        run(
                "run",
                "--budget",
                "2",
                "--monitor-interval",
                "100ms",
                "--grace",
                "1s",
                "--",
                "bash",
                "-c",
                events)
            .json();
    assertThat(r.get("error_type").asText()).isEqualTo("BUDGET_EXCEEDED");
    assertThat(r.get("final_cost").asDouble()).isEqualTo(2.5);
  }

  @Test
  void costAlsoComesFromAConfiguredCsvColumn() throws Exception {
    Files.writeString(
        dir.resolve("prod-bridge.json"),
        """
        {"profiles": {"csv": {"cost_file": {"path": "{output_dir}/costs.csv", "csv_column": "cumulative_cost"}}}}""");
    String writer =
        "cd \"$PROD_BRIDGE_OUTPUT_DIR\"; echo stage,cost,cumulative_cost > costs.csv; "
            + "for c in 0.40 0.90 1.70; do echo x,0.1,$c >> costs.csv; sleep 0.3; done; sleep 30";
    JsonNode r =
        run(
                "run",
                "--profile",
                "csv",
                "--episode-id",
                "ep_csv",
                "--budget",
                "1.5",
                "--monitor-interval",
                "100ms",
                "--grace",
                "1s",
                "--",
                "bash",
                "-c",
                writer)
            .json();
    assertThat(r.get("error_type").asText()).isEqualTo("BUDGET_EXCEEDED");
    assertThat(r.get("final_cost").asDouble()).isEqualTo(1.7);
    assertThat(r.get("error_message").asText()).contains("cost file costs.csv");
  }

  @Test
  void aChildThatPrintsOnceAndFallsSilentIsStalled() {
    CliRun run =
        run(
            "run",
            "--stall-timeout",
            "2s",
            "--monitor-interval",
            "200ms",
            "--grace",
            "1s",
            "--",
            "bash",
            "-c",
            "echo once; sleep 60");
    assertThat(run.exitCode()).isEqualTo(15);
    JsonNode r = run.json();
    assertThat(r.get("error_type").asText()).isEqualTo("STALLED");
    assertThat(r.get("error_message").asText()).contains("no output, event or file change for");
    assertThat(r.get("execution_time").asDouble()).isBetween(2.0, 4.0);
  }

  @Test
  void aChildWritingFilesOverTimeIsAliveAndItsFilesAreProgress() throws Exception {
    CliRun run =
        run(
            "run",
            "--episode-id",
            "ep_files",
            "--stall-timeout",
            "1s",
            "--monitor-interval",
            "200ms",
            "--",
            "bash",
            "-c",
            "for i in 1 2 3 4 5 6; do echo $i > \"$PROD_BRIDGE_OUTPUT_DIR/part$i\"; sleep 0.5; done");
    JsonNode r = run.json();
    assertThat(r.get("status").asText()).as(run.stdout()).isEqualTo("success");
    assertThat(r.get("output_files").size()).isEqualTo(6);
    List<Integer> counts = samples(r).stream().map(s -> s.get("output_files").asInt()).toList();
    assertThat(counts).isSorted().contains(1, 6);
    assertThat(samples(r)).allSatisfy(s -> assertThat(s.get("memory_mb").asDouble()).isPositive());
  }

  @Test
  void aSuccessfulRunUnderTheQualityThresholdIsAnErrorThatKeepsItsFiles() {
    CliRun run =
        run(
            "run",
            "--episode-id",
            "ep_q",
            "--quality-threshold",
            "8",
            "--",
            "bash",
            "-c",
            "echo draft > \"$PROD_BRIDGE_OUTPUT_DIR/script.md\"; echo '{\"status\": \"completed\", \"overall_quality\": 6.5}'");
    assertThat(run.exitCode()).isEqualTo(16);
    JsonNode r = run.json();
    assertThat(r.get("error_type").asText()).isEqualTo("QUALITY_BELOW_THRESHOLD");
    assertThat(r.get("quality_score").asDouble()).isEqualTo(6.5);
    assertThat(r.get("error_message").asText()).contains("quality 6.5 is below the threshold 8.0");
    assertThat(Path.of(r.get("output_files").get(0).get("path").asText())).exists();
  }

  @Test
  void aSigkillTheBridgeDidNotSendIsAMemoryError() {
    JsonNode r = run("run", "--", "bash", "-c", "kill -KILL $$").json();
    assertThat(r.get("error_type").asText()).isEqualTo("MEMORY_ERROR");
    assertThat(r.get("signal").asText()).isEqualTo("SIGKILL");
    assertThat(r.get("error_message").asText()).contains("OOM killer");
    assertThat(r.get("hint").asText()).contains("OOM killer");
  }

  @Test
  void theReferencePipelinesEventsAreRecordedWithStagesAndCost() throws Exception {
    JsonNode r = run("prod-episode", "Bees", "--monitor-interval", "100ms").json();
    assertThat(r.get("status").asText()).isEqualTo("success");
    assertThat(r.get("peak_memory_mb").asLong()).isPositive();
    List<JsonNode> lines = events(r);
    assertThat(lines)
        .anySatisfy(
            e -> {
              assertThat(e.get("kind").asText()).isEqualTo("child_event");
              assertThat(e.get("stage").asText()).isEqualTo("audio");
            });
    double lastCost =
        lines.stream()
            .filter(e -> e.get("kind").asText().equals("child_event"))
            .mapToDouble(e -> e.get("cost").asDouble())
            .max()
            .orElseThrow();
    assertThat(lastCost)
        .isCloseTo(r.get("final_cost").asDouble(), org.assertj.core.data.Offset.offset(0.001));
    assertThat(lines.get(lines.size() - 1).get("message").asText()).contains("monitor cpu");
  }

  @Test
  void theProgressLineGoesToATerminalsStderrOnlyAndNeverToStdout() {
    CliHarness cli = new CliHarness(dir);
    CliRun onTerminal =
        cli.runWithTerminalStderr("run", "--monitor-interval", "100ms", "--", "sleep", "0.5");
    assertThat(onTerminal.stderr())
        .contains("\r\033[K")
        .contains("run running")
        .contains(" MB")
        .contains("files");
    assertThat(onTerminal.stdout()).doesNotContain("\r");
    CliRun piped = cli.run("run", "--monitor-interval", "100ms", "--", "sleep", "0.5");
    assertThat(piped.stderr()).isEmpty();
  }

  private static List<JsonNode> events(JsonNode result) throws Exception {
    Path file = Path.of(result.get("run_dir").asText()).resolve("events.jsonl");
    return Files.readAllLines(file).stream().map(Bridge::json).toList();
  }

  /**
   * Seconds from the first sample at or over {@code limitMb} to the monitor's last line, written
   * once the tree has stopped: how long the run went on after the bridge saw it over its memory
   * limit.
   */
  private static double secondsFromCrossingToEnd(JsonNode result, double limitMb) throws Exception {
    List<JsonNode> lines = events(result);
    JsonNode crossing =
        lines.stream()
            .filter(
                e ->
                    e.get("kind").asText().equals("sample")
                        && e.get("memory_mb").asDouble() >= limitMb)
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no sample reached " + limitMb + " MB: " + lines));
    JsonNode end = lines.get(lines.size() - 1);
    assertThat(end.get("state").asText()).as("the monitor's last line").isEqualTo("memory_limit");
    return Duration.between(
                Instant.parse(crossing.get("time").asText()),
                Instant.parse(end.get("time").asText()))
            .toMillis()
        / 1000.0;
  }

  private static List<JsonNode> samples(JsonNode result) {
    try {
      return events(result).stream().filter(e -> e.get("kind").asText().equals("sample")).toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
