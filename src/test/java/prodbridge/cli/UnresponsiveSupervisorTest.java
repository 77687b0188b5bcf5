package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.Bridge;
import prodbridge.testing.CliRun;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * A detached run whose supervisor is alive but stopped (SIGSTOP): status calls it unresponsive with
 * a hint once it has missed ten heartbeats, and cancel ends its tree at once instead of waiting for
 * it.
 */
@ExtendWith(NoLeftoverProcesses.class)
class UnresponsiveSupervisorTest {
  @TempDir Path dir;
  private long supervisorPid;

  @AfterEach
  void resumeAndEnd() throws Exception {
    if (supervisorPid > 0) {
      new ProcessBuilder("kill", "-CONT", String.valueOf(supervisorPid)).start().waitFor();
      var h = ProcessHandle.of(supervisorPid);
      if (h.isPresent()) {
        h.get().destroyForcibly();
        h.get().onExit().get(20, TimeUnit.SECONDS);
      }
    }
  }

  private CliRun bridge(String... args) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p =
        Bridge.command(dir, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new CliRun(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void aStoppedSupervisorIsUnresponsiveAndCancelEndsItsTreeAtOnce() throws Exception {
    String id =
        bridge(
                "run",
                "--detach",
                "--",
                "bash",
                "-c",
                "trap '' TERM; sleep 351 & setsid sleep 352 & sleep 353")
            .json()
            .get("run_id")
            .asText();
    Path state = dir.resolve(".prod-bridge/runs").resolve(id).resolve("state.json");
    long deadline = System.currentTimeMillis() + 30_000;
    while (supervisorPid == 0 && System.currentTimeMillis() < deadline) {
      try {
        JsonNode s = Bridge.json(Files.readString(state));
        if (s.get("child_pid").asLong() > 0) {
          supervisorPid = s.get("supervisor_pid").asLong();
        }
      } catch (java.io.IOException | java.io.UncheckedIOException notYet) {
        // replaced by rename: absent for a moment at most
      }
      Thread.sleep(50);
    }
    assertThat(supervisorPid).as("the detached run started").isPositive();
    new ProcessBuilder("kill", "-STOP", String.valueOf(supervisorPid)).start().waitFor();

    assertThat(bridge("status", id, "--format", "json").json().get("status").asText())
        .as("a few seconds of silence are not yet unresponsive")
        .isEqualTo("running");
    JsonNode status = null;
    deadline = System.currentTimeMillis() + 40_000;
    while (System.currentTimeMillis() < deadline) {
      status = bridge("status", id, "--format", "json").json();
      if (!status.get("status").asText().equals("running")) {
        break;
      }
      Thread.sleep(1000);
    }
    assertThat(status.get("status").asText()).isEqualTo("unresponsive");
    assertThat(status.get("message").asText()).contains("has not beaten its heartbeat");
    assertThat(status.get("hint").asText()).contains("cancel " + id);
    assertThat(NoLeftoverProcesses.markedProcesses())
        .as("the tree still runs")
        .hasSizeGreaterThanOrEqualTo(3);

    long t0 = System.nanoTime();
    CliRun cancel = bridge("cancel", id, "--format", "json");
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

    assertThat(cancel.json().get("status").asText()).isEqualTo("cancelled");
    assertThat(millis)
        .as("no 30 s wait for a stopped supervisor (JVM start included)")
        .isLessThan(15_000);
    assertThat(
            ProcessHandle.of(supervisorPid).map(ProcessHandle::isAlive).orElse(false)
                && !Files.readString(Path.of("/proc/" + supervisorPid + "/stat")).contains(") Z "))
        .isFalse();
    assertThat(NoLeftoverProcesses.waitForNone(3000)).isEmpty();
    assertThat(bridge("status", id, "--format", "json").json().get("status").asText())
        .isEqualTo("cancelled");
  }
}
