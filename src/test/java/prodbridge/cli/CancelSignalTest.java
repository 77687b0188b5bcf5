package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import prodbridge.testing.Bridge;
import prodbridge.testing.NoLeftoverProcesses;

/** Ctrl-C, SIGTERM or SIGHUP to a real bridge process ends the run's tree and reports CANCELLED. */
@ExtendWith(NoLeftoverProcesses.class)
class CancelSignalTest {
  @TempDir Path dir;
  private Process bridge;

  @AfterEach
  void endBridge() {
    if (bridge != null) {
      bridge.destroyForcibly();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"INT", "TERM", "HUP"})
  void aSignalToTheBridgeCancelsTheRun(String signal) throws Exception {
    Path out = dir.resolve("out.json");
    ProcessBuilder pb =
        Bridge.command(
            dir,
            "run",
            "--grace",
            "1s",
            "--",
            "bash",
            "-c",
            "trap '' TERM; echo ready; sleep 321 & sleep 322");
    pb.redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile());
    bridge = pb.start();
    awaitChildOutput("ready");
    new ProcessBuilder("kill", "-" + signal, String.valueOf(bridge.pid())).start().waitFor();

    assertThat(bridge.waitFor(15, TimeUnit.SECONDS)).isTrue();
    assertThat(bridge.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isEqualTo(12);
    JsonNode r = Bridge.json(Files.readString(out, StandardCharsets.UTF_8));
    assertThat(r.get("status").asText()).isEqualTo("cancelled");
    assertThat(r.get("error_type").asText()).isEqualTo("CANCELLED");
    assertThat(r.get("processes_ended").get("sigkill").asInt())
        .as("TERM is ignored in that tree")
        .isPositive();
    assertThat(NoLeftoverProcesses.waitForNone(1000)).isEmpty();
  }

  /**
   * Waits until the supervised child has started and printed, so the signal finds a run to cancel.
   */
  private void awaitChildOutput(String text) throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      Path runs = dir.resolve(".prod-bridge/runs");
      if (Files.isDirectory(runs)) {
        try (var dirs = Files.list(runs)) {
          for (Path run : dirs.toList()) {
            Path log = run.resolve("stdout.log");
            if (Files.exists(log) && Files.readString(log).contains(text)) {
              return;
            }
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the child never printed " + text);
  }
}
