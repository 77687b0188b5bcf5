package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.Bridge;
import prodbridge.testing.CliRun;

/**
 * {@code prod-bridge classify}: a saved failure's class, deciding line, rule and hint; bad input is
 * exit 2.
 */
class ClassifyCommandTest {
  @TempDir Path dir;

  @Test
  void printsTheClassTheDecidingLineTheRuleAndTheHint() throws Exception {
    Path err =
        Files.writeString(
            dir.resolve("stderr.log"),
            """
        2025-04-27 22:30:00,011 ERROR    podcast.pipeline - Run deadline of 1800s exceeded; stopping stages
        2025-04-27 22:30:00,015 INFO     podcast.cleanup - Removed temp files after HTTP 429 backoff
        """);
    CliRun run = new CliHarness(dir).run("classify", "--stderr", err.toString(), "--exit", "1");

    assertThat(run.exitCode()).isZero();
    JsonNode r = run.json();
    assertThat(r.get("status").asText()).isEqualTo("error");
    assertThat(r.get("error_type").asText()).isEqualTo("TIMEOUT_ERROR");
    assertThat(r.get("exit_code").asInt()).isEqualTo(11);
    assertThat(r.get("rule").asText()).isEqualTo("pipeline-deadline");
    assertThat(r.get("evidence").asText())
        .endsWith("Run deadline of 1800s exceeded; stopping stages");
    assertThat(r.get("hint").asText()).contains("--timeout");
  }

  @Test
  void aTextFormatForPeopleAndRedactedKeys() throws Exception {
    Path out =
        Files.writeString(
            dir.resolve("stdout.log"),
            "Error: OPENAI_API_KEY is not set (got OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwx)\n");
    CliRun run =
        new CliHarness(dir)
            .run("classify", "--stdout", out.toString(), "--exit", "1", "--format", "text");

    assertThat(run.stdout())
        .startsWith(
            "class     API_AUTH_ERROR (exit 18, not retried)\nrule      api-key-variable-not-set\n")
        .contains("hint      Set OPENAI_API_KEY")
        .doesNotContain("sk-proj-abc");
  }

  @Test
  void anExitAloneIsEvidenceAndAnExitWithoutAFailureIsASuccess() {
    CliRun killed = new CliHarness(dir).run("classify", "--exit", "137");
    CliRun clean = new CliHarness(dir).run("classify", "--exit", "0");

    assertThat(killed.json().get("error_type").asText()).isEqualTo("MEMORY_ERROR");
    assertThat(killed.json().get("rule").asText()).isEqualTo("bridge:unexplained_sigkill");
    assertThat(clean.json().get("status").asText()).isEqualTo("success");
    assertThat(clean.json().get("error_type").isNull()).isTrue();
  }

  @Test
  void theUsersOwnRulesFromTheirConfigComeFirst() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("rules.json"),
            """
        {"error_rules": [{"name": "our-wrapper-deadline", "error_type": "TIMEOUT_ERROR",
          "pattern": "watchdog fired after (?<secs>\\\\d+)s",
          "hint": "Our watchdog stopped it after {secs}s; raise WATCHDOG_SECS."}]}""");
    Path err =
        Files.writeString(
            dir.resolve("e.log"), "watchdog fired after 900s (connection reset meanwhile)\n");
    CliRun run =
        new CliHarness(dir)
            .run(
                "classify",
                "--stderr",
                err.toString(),
                "--exit",
                "1",
                "--config",
                config.toString());

    assertThat(run.json().get("rule").asText()).isEqualTo("our-wrapper-deadline");
    assertThat(run.json().get("hint").asText())
        .isEqualTo("Our watchdog stopped it after 900s; raise WATCHDOG_SECS.");
  }

  @Test
  void badInputIsExitTwoWithOneLineNamingWhatIsWrong() throws Exception {
    Path err = Files.writeString(dir.resolve("e.log"), "x\n");
    String[][] bad = {
      {"classify"},
      {"classify", "--stderr", dir.resolve("missing.log").toString()},
      {"classify", "--stdout", dir.toString()},
      {"classify", "--stderr", err.toString(), "--exit", "300"},
      {"classify", "--stderr", err.toString(), "--exit", "one"},
      {"classify", "--stderr", err.toString(), "--format", "markdown"},
      {"classify", "--stderr", err.toString(), "--config", dir.resolve("nope.json").toString()},
    };
    String[] says = {
      "nothing to classify",
      "missing.log: no such file",
      ": no such file",
      "300 is not an exit code",
      "--exit",
      "--format",
      "nope.json"
    };
    for (int i = 0; i < bad.length; i++) {
      CliRun run = new CliHarness(dir).run(bad[i]);
      assertThat(run.exitCode()).as(String.join(" ", bad[i])).isEqualTo(2);
      assertThat(run.stderr().strip())
          .as(String.join(" ", bad[i]))
          .doesNotContain("\n")
          .contains(says[i]);
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("e.log");
    }
  }

  @Test
  void theRealCommandReadsFilesAndExitsZero() throws Exception {
    Path err =
        Files.writeString(
            dir.resolve("stderr.log"),
            "timeout: sending signal TERM to command 'python'\ntimeout: sending signal KILL to command 'python'\n");
    Process p = Bridge.command(dir, "classify", "--stderr", "stderr.log", "--exit", "137").start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).isZero();
    JsonNode r = Bridge.json(out);
    assertThat(r.get("error_type").asText()).isEqualTo("TIMEOUT_ERROR");
    assertThat(r.get("rule").asText()).isEqualTo("coreutils-timeout-kill");
    assertThat(err).exists();
  }
}
