package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.CliRun;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * {@code prod-bridge run -- CMD}: any command, supervised, with the exit codes and result of the
 * prod commands.
 */
@ExtendWith(NoLeftoverProcesses.class)
class RunCommandTest {
  @TempDir Path dir;

  @Test
  void theDoneWhenTreeReturnsTimeoutWithinAboutThreeSecondsAndLeavesNothing() {
    String script =
        "(trap '' TERM; sleep 311) & ( (sleep 312 &) & ) ; setsid sleep 313 & sleep 314 & sleep 315";
    long t0 = System.nanoTime();
    CliRun run =
        new CliHarness(dir)
            .run("run", "--timeout", "2s", "--grace", "1s", "--", "bash", "-c", script);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(run.exitCode()).isEqualTo(11);
    JsonNode r = run.json();
    assertThat(r.get("error_type").asText()).isEqualTo("TIMEOUT_ERROR");
    assertThat(r.get("status").asText()).isEqualTo("error");
    assertThat(r.get("processes_ended").get("sigkill").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(millis).isBetween(2900L, 5000L);
  }

  @Test
  void aCommandsOwnFlagsAreNotTheBridges() throws Exception {
    CliRun run =
        new CliHarness(dir)
            .run("run", "--", "bash", "-c", "echo \"$1 $2\"", "_", "--timeout", "-x");
    JsonNode r = run.json();
    assertThat(r.get("status").asText()).isEqualTo("success");
    assertThat(r.get("exit_code").asInt()).isZero();
    assertThat(Files.readString(Path.of(r.get("logs").get("stdout").asText())))
        .as("the flags after -- reached the child verbatim")
        .isEqualTo("--timeout -x\n");
  }

  @Test
  void withoutDashDashTheCommandStillStopsOptionParsing() throws Exception {
    CliRun run = new CliHarness(dir).run("run", "bash", "-c", "echo hi >&2; exit 4");
    assertThat(run.exitCode()).isEqualTo(10);
    JsonNode r = run.json();
    assertThat(r.get("error_message").asText()).isEqualTo("the command exited with code 4: hi");
    assertThat(r.get("stderr_tail").asText()).isEqualTo("hi\n");
    assertThat(Files.readString(Path.of(r.get("logs").get("stderr").asText()))).isEqualTo("hi\n");
  }

  @Test
  void aProfileLendsItsLimitsAndAnEpisodeIdGivesTheCommandAnOutputDirectory() {
    CliRun run =
        new CliHarness(dir)
            .run(
                "run",
                "--profile",
                "prod-audio",
                "--episode-id",
                "ep_x",
                "--",
                "bash",
                "-c",
                "echo data > \"$PROD_BRIDGE_OUTPUT_DIR/out.txt\"; for i in $(seq 300); do : > \"$PROD_BRIDGE_OUTPUT_DIR/f$i\"; done");
    JsonNode r = run.json();
    assertThat(r.get("status").asText()).as(run.stdout()).isEqualTo("success");
    assertThat(r.get("budget").asDouble()).isEqualTo(1.50);
    assertThat(r.get("episode_id").asText()).isEqualTo("ep_x");
    assertThat(r.get("output_files").size() + r.get("output_files_omitted").asInt()).isEqualTo(301);
    assertThat(run.stdout().length()).isLessThan(8 * 1024);
  }

  @Test
  void symlinksOutOfTheOutputDirectoryAreNotFollowed() {
    CliRun run =
        new CliHarness(dir)
            .run(
                "run",
                "--episode-id",
                "ep_l",
                "--",
                "bash",
                "-c",
                "ln -s /etc \"$PROD_BRIDGE_OUTPUT_DIR/etc\"; ln -s /etc/hostname \"$PROD_BRIDGE_OUTPUT_DIR/h\"; echo x > \"$PROD_BRIDGE_OUTPUT_DIR/real\"");
    JsonNode files = run.json().get("output_files");
    assertThat(files.size()).isEqualTo(1);
    assertThat(files.get(0).get("path").asText()).endsWith("/ep_l/real");
  }

  @Test
  void aSignalKilledCommandReportsTheSignal() {
    JsonNode r = new CliHarness(dir).run("run", "--", "bash", "-c", "kill -SEGV $$").json();
    assertThat(r.get("signal").asText()).isEqualTo("SIGSEGV");
    assertThat(r.get("error_message").asText()).contains("killed by SIGSEGV");
  }

  @Test
  void keysInTheChildsOutputNeverReachTheResultOrTheEvents() throws Exception {
    String leak =
        "echo '{\"event\": \"progress\", \"message\": \"using sk-ant-api03-SECRETSECRET123\"}';"
            + " echo 'Authorization: Bearer abcdefSECRETSECRET0123456789'; printf 'xi-api-key: SECRETSECRET42'; "
            + " echo 'ANTHROPIC_API_KEY=sk-ant-api03-SECRETSECRET123 was rejected' >&2; exit 1";
    CliRun run =
        new CliHarness(dir)
            .run("run", "--", "bash", "-c", leak, "_", "--api-key", "sk-SECRETSECRET999");
    JsonNode r = run.json();
    assertThat(run.stdout())
        .doesNotContain("SECRETSECRET")
        .contains("ANTHROPIC_API_KEY=[REDACTED]");
    Path runDir = Path.of(r.get("run_dir").asText());
    assertThat(Files.readString(runDir.resolve("events.jsonl")))
        .contains("[REDACTED]")
        .doesNotContain("SECRETSECRET");
    assertThat(Files.readString(runDir.resolve("stdout.log")))
        .contains("Authorization: Bearer [REDACTED]", "xi-api-key: [REDACTED]")
        .doesNotContain("SECRETSECRET");
    assertThat(Files.readString(runDir.resolve("stderr.log")))
        .isEqualTo("ANTHROPIC_API_KEY=[REDACTED] was rejected\n");
    assertThat(Files.readString(runDir.resolve("run.json")))
        .contains("[REDACTED]")
        .doesNotContain("SECRETSECRET");
    try (var files = Files.list(runDir)) {
      for (Path f : files.toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain("SECRETSECRET");
      }
    }
  }
}
