package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.Bridge;
import prodbridge.testing.CliRun;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * Retries with real children that count their own launches in a file: only retryable classes are
 * tried again, a retry reuses the episode and its directory, and the attempts together never spend
 * more than the budget.
 */
@ExtendWith(NoLeftoverProcesses.class)
class RetryTest {
  private static final String RATE_LIMIT =
      "anthropic.RateLimitError: Error code: 429 - {\"type\": \"error\", \"error\": {\"type\": \"rate_limit_error\"}}";

  @TempDir Path dir;
  private Process bridge;

  @AfterEach
  void endBridge() {
    if (bridge != null) {
      bridge.destroyForcibly();
    }
  }

  /**
   * A bash script that adds one line to {@code launches} per launch and fails with {@code error}
   * until launch n.
   */
  private String failUntil(int succeedOn, String error, String extra) {
    return "echo \"$PROD_BRIDGE_OUTPUT_DIR\" >> '"
        + dir.resolve("launches")
        + "'; "
        + "n=$(wc -l < '"
        + dir.resolve("launches")
        + "'); "
        + extra
        + "if [ \"$n\" -lt "
        + succeedOn
        + " ]; then echo '"
        + error
        + "' >&2; exit 1; fi; echo done";
  }

  private List<String> launches() throws Exception {
    Path f = dir.resolve("launches");
    return Files.exists(f) ? Files.readAllLines(f) : List.of();
  }

  @Test
  void aChildRateLimitedTwiceSucceedsOnTheThirdAttempt() throws Exception {
    CliRun run =
        new CliHarness(dir)
            .run(
                "run",
                "--episode-id",
                "ep_retry",
                "--max-attempts",
                "3",
                "--retry-delay",
                "200ms",
                "--",
                "bash",
                "-c",
                failUntil(3, RATE_LIMIT, ""));

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    JsonNode r = run.json();
    assertThat(r.get("status").asText()).isEqualTo("success");
    JsonNode attempts = r.get("attempts");
    assertThat(attempts).hasSize(3);
    assertThat(attempts.get(0).get("error_type").asText()).isEqualTo("RATE_LIMITED");
    assertThat(attempts.get(1).get("error_type").asText()).isEqualTo("RATE_LIMITED");
    assertThat(attempts.get(2).get("error_type").isNull()).isTrue();
    assertThat(attempts.get(2).get("exit_code").asInt()).isZero();
    assertThat(launches()).hasSize(3).allMatch(d -> d.endsWith("/ep_retry"));
    Path runDir = Path.of(r.get("run_dir").asText());
    assertThat(Files.readString(runDir.resolve("stderr.attempt-1.log"))).contains("429");
    assertThat(Files.readString(runDir.resolve("stdout.log"))).isEqualTo("done\n");
    String events = Files.readString(runDir.resolve("events.jsonl"));
    assertThat(events.split("\"kind\":\"retry\"", -1)).hasSize(3);
    assertThat(r.get("execution_time").asDouble())
        .as("two waits of 160-200 ms and 400 ms at most")
        .isGreaterThan(0.16 + 0.32);
  }

  @Test
  void anAuthFailureIsTriedOnceAndTheHintNamesTheVariable() throws Exception {
    CliRun run =
        new CliHarness(dir)
            .run(
                "run",
                "--max-attempts",
                "3",
                "--retry-delay",
                "200ms",
                "--",
                "bash",
                "-c",
                failUntil(
                    9, "ERROR: ELEVENLABS_API_KEY is not set. Export it or add it to .env", ""));

    assertThat(run.exitCode()).isEqualTo(18);
    JsonNode r = run.json();
    assertThat(r.get("error_type").asText()).isEqualTo("API_AUTH_ERROR");
    assertThat(r.get("hint").asText()).contains("Set ELEVENLABS_API_KEY");
    assertThat(r.get("attempts")).hasSize(1);
    assertThat(launches()).hasSize(1);
  }

  @Test
  void retriesStopBeforeTheyCouldSpendPastTheBudgetAndEachIsGivenWhatIsLeft() throws Exception {
    Path config = dir.resolve("c.json");
    String script =
        failUntil(
            99,
            "requests.exceptions.HTTPError: 429 Client Error: Too Many Requests",
            "echo \"$1\" >> '"
                + dir.resolve("budgets")
                + "'; echo '{\"event\": \"cost\", \"cost\": 0.4}'; ");
    Files.writeString(
        config,
        "{\"profiles\": {\"prod-research\": {\"argv\": [\"bash\", \"-c\", "
            + jsonString(script)
            + ", \"_\", \"{budget}\", \"{topic}\"]}}}");

    CliRun run =
        new CliHarness(dir)
            .run(
                "prod-research",
                "Tides",
                "--config",
                config.toString(),
                "--budget",
                "1.00",
                "--max-attempts",
                "5",
                "--retry-delay",
                "100ms");

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(19);
    JsonNode r = run.json();
    assertThat(r.get("error_type").asText()).isEqualTo("RATE_LIMITED");
    assertThat(r.get("attempts")).hasSize(2);
    assertThat(r.get("final_cost").asDouble())
        .isEqualTo(0.8, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(r.get("error_message").asText()).contains("not retried").contains("budget");
    assertThat(Files.readAllLines(dir.resolve("budgets"))).containsExactly("1.00", "0.60");
    assertThat(launches()).hasSize(2);
  }

  @Test
  void audioIsNeverRetriedByDefault() throws Exception {
    Path config = dir.resolve("c.json");
    Files.writeString(
        config,
        "{\"profiles\": {\"prod-audio\": {\"argv\": [\"bash\", \"-c\", "
            + jsonString(failUntil(9, RATE_LIMIT, ""))
            + "]}}}");
    Files.createDirectories(dir.resolve("episodes/ep_a"));

    CliRun run =
        new CliHarness(dir)
            .run("prod-audio", "--episode-id", "ep_a", "--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(19);
    assertThat(run.json().get("attempts")).hasSize(1);
    assertThat(launches()).hasSize(1);
  }

  @Test
  void aCancelWhileWaitingToRetryEndsTheRunAtOnce() throws Exception {
    Path out = dir.resolve("out.json");
    ProcessBuilder pb =
        Bridge.command(
            dir,
            "run",
            "--max-attempts",
            "3",
            "--retry-delay",
            "60s",
            "--",
            "bash",
            "-c",
            failUntil(9, RATE_LIMIT, ""));
    pb.redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile());
    bridge = pb.start();
    long deadline = System.currentTimeMillis() + 20_000;
    while (!Files.readString(dir.resolve("err.txt")).contains("trying again in")
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    long t0 = System.nanoTime();
    new ProcessBuilder("kill", "-TERM", String.valueOf(bridge.pid())).start().waitFor();

    assertThat(bridge.waitFor(15, TimeUnit.SECONDS)).isTrue();
    assertThat((System.nanoTime() - t0) / 1_000_000).as("no 60 s wait").isLessThan(10_000);
    assertThat(bridge.exitValue()).isEqualTo(12);
    JsonNode r = Bridge.json(Files.readString(out, StandardCharsets.UTF_8));
    assertThat(r.get("status").asText()).isEqualTo("cancelled");
    assertThat(r.get("error_message").asText())
        .contains("while waiting to retry after RATE_LIMITED");
    assertThat(r.get("attempts")).hasSize(1);
    assertThat(launches()).hasSize(1);
  }

  private static String jsonString(String s) throws Exception {
    return prodbridge.runs.ResultJson.mapper().writeValueAsString(s);
  }
}
