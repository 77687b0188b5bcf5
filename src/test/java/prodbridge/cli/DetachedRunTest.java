package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.Bridge;
import prodbridge.testing.CliRun;
import prodbridge.testing.NoLeftoverProcesses;
import prodbridge.testing.TestProcesses;

/**
 * Detached runs with real bridge processes: the caller gets control back at once, the run's
 * supervisor lives on in its own session, and whatever happens to it the run ends in exactly one
 * final state with nothing left running.
 */
@ExtendWith(NoLeftoverProcesses.class)
class DetachedRunTest {
  @TempDir Path dir;
  private long supervisorPid;

  @AfterEach
  void noSupervisorLeft() throws Exception {
    if (supervisorPid > 0) {
      var handle = ProcessHandle.of(supervisorPid);
      if (handle.isPresent()) {
        handle.get().onExit().get(20, TimeUnit.SECONDS);
      }
    }
  }

  private CliRun bridge(String... args) throws Exception {
    return TestProcesses.run(Bridge.command(dir, args), dir, Duration.ofSeconds(120));
  }

  private JsonNode state(String runId) throws IOException {
    return Bridge.json(
        Files.readString(
            dir.resolve(".prod-bridge/runs").resolve(runId).resolve("state.json"),
            StandardCharsets.UTF_8));
  }

  /**
   * Waits until the supervisor has started the child and recorded both, and remembers the
   * supervisor.
   */
  private JsonNode awaitChild(String runId) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      try {
        JsonNode s = state(runId);
        if (s.get("child_pid").asLong() > 0 && s.get("supervisor_pid").asLong() > 0) {
          supervisorPid = s.get("supervisor_pid").asLong();
          return s;
        }
      } catch (IOException | java.io.UncheckedIOException notYet) {
        // written by rename: absent for a moment at most
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the detached run never started its child");
  }

  @Test
  void detachReturnsAtOnceAndStatusWaitReachesTheFinalResult() throws Exception {
    long t0 = System.nanoTime();
    CliRun started = bridge("prod-episode", "--detach", "Why do we dream?");
    long millis = (System.nanoTime() - t0) / 1_000_000;

    assertThat(started.exitCode()).as(started.stderr()).isZero();
    JsonNode d = started.json();
    assertThat(d.get("status").asText()).isEqualTo("running");
    String id = d.get("run_id").asText();
    assertThat(d.get("poll").asText()).endsWith("status " + id + " --wait 9m --format markdown");
    assertThat(d.get("cancel").asText()).endsWith("cancel " + id);
    // "running" above is the proof that it returned before the run ended; the bound only catches a
    // gross wait
    // (the caller's own JVM start included, which a loaded 2-core machine stretched past 3 s)
    assertThat(millis).as("the caller's own JVM included").isLessThan(10_000);

    CliRun done = bridge("status", id, "--wait", "60s", "--format", "json");
    assertThat(done.exitCode()).isZero();
    JsonNode r = done.json();
    assertThat(r.get("status").asText()).isEqualTo("success");
    assertThat(r.get("run_id").asText()).isEqualTo(id);
    assertThat(r.get("episode_id").asText()).isEqualTo(d.get("episode_id").asText());
    assertThat(r.get("output_files").size()).isPositive();
    Path runDir = Path.of(d.get("run_dir").asText());
    assertThat(state(id).get("status").asText()).isEqualTo("success");
    assertThat(Files.getPosixFilePermissions(runDir)).hasSize(3);
    try (var files = Files.list(runDir)) {
      for (Path f : files.toList()) {
        assertThat(Files.getPosixFilePermissions(f)).as(f.toString()).hasSize(2);
      }
    }
    supervisorPid = state(id).get("supervisor_pid").asLong();
    CliRun md = bridge("result", id, "--format", "markdown");
    assertThat(md.stdout()).startsWith("**prod-episode** succeeded");
    CliRun list = bridge("runs", "--format", "json");
    assertThat(list.json().get(0).get("run_id").asText()).isEqualTo(id);
    assertThat(list.json().get(0).get("status").asText()).isEqualTo("success");
  }

  @Test
  void aSupervisorKilledWithSigkillLeavesALostRunAndNoProcess() throws Exception {
    String id =
        bridge("run", "--detach", "--", "bash", "-c", "sleep 331 & setsid sleep 332 & sleep 333")
            .json()
            .get("run_id")
            .asText();
    awaitChild(id);
    long deadline = System.currentTimeMillis() + 30_000;
    while (NoLeftoverProcesses.markedProcesses().size() < 3
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(50); // the child's bash may not have forked its sleeps yet on a loaded machine
    }
    assertThat(NoLeftoverProcesses.markedProcesses()).hasSizeGreaterThanOrEqualTo(3);

    new ProcessBuilder("kill", "-KILL", String.valueOf(supervisorPid)).start().waitFor();
    ProcessHandle.of(supervisorPid)
        .ifPresent(h -> h.onExit().orTimeout(20, TimeUnit.SECONDS).join());
    CliRun status = bridge("status", id, "--format", "json");

    assertThat(status.exitCode()).isZero();
    JsonNode r = status.json();
    assertThat(r.get("status").asText()).isEqualTo("lost");
    assertThat(r.get("hint").asText()).contains("supervisor died");
    // status lets the run's keeper finish ending the tree and recording the run; the result counts
    // what it ended
    assertThat(r.get("processes_ended").get("sigterm").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(NoLeftoverProcesses.markedProcesses())
        .as("the keeper, and the reap it became, ended before status answered")
        .isEmpty();
    assertThat(state(id).get("status").asText()).isEqualTo("lost");
    assertThat(bridge("status", id, "--format", "json").json().get("status").asText())
        .as("stays lost")
        .isEqualTo("lost");
  }

  @Test
  void statusWhileTheKeeperIsStillEndingTheTreeWaitsForTheKeepersAccount() throws Exception {
    String id =
        bridge(
                "run",
                "--detach",
                "--grace",
                "3s",
                "--",
                "bash",
                "-c",
                "trap '' TERM; sleep 351 & sleep 352")
            .json()
            .get("run_id")
            .asText();
    awaitChild(id);
    long deadline = System.currentTimeMillis() + 30_000;
    while (NoLeftoverProcesses.markedProcesses().size() < 3
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertThat(NoLeftoverProcesses.markedProcesses()).hasSizeGreaterThanOrEqualTo(3);

    new ProcessBuilder("kill", "-KILL", String.valueOf(supervisorPid)).start().waitFor();
    ProcessHandle.of(supervisorPid).ifPresent(h -> h.onExit().join());
    // the tree ignores SIGTERM, so the keeper is still in its 3 s grace period when status looks
    JsonNode r = bridge("status", id, "--format", "json").json();

    assertThat(r.get("status").asText()).isEqualTo("lost");
    assertThat(r.get("processes_ended").get("sigterm").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(r.get("processes_ended").get("sigkill").asInt())
        .as("after the keeper's grace")
        .isGreaterThanOrEqualTo(3);
    assertThat(NoLeftoverProcesses.markedProcesses())
        .as("the keeper, and the reap it became, ended before status answered")
        .isEmpty();
  }

  @Test
  void aSecondRunOfAnEpisodeIsRefusedWhileTheFirstLivesAndAllowedOnceItsSupervisorIsKilled()
      throws Exception {
    String id =
        bridge("run", "--episode-id", "same1", "--detach", "--", "bash", "-c", "sleep 361")
            .json()
            .get("run_id")
            .asText();
    awaitChild(id);

    CliRun detached = bridge("run", "--episode-id", "same1", "--detach", "--", "true");
    assertThat(detached.exitCode()).isEqualTo(2);
    assertThat(detached.stderr().strip())
        .isEqualTo(
            "prod-bridge: episode same1 is being produced by run "
                + id
                + " right now; wait for it (prod-bridge status "
                + id
                + " --wait 9m) or use another --episode-id");
    CliRun foreground = new CliHarness(dir).run("run", "--episode-id", "same1", "--", "true");
    assertThat(foreground.exitCode()).isEqualTo(2);
    assertThat(foreground.stderr()).contains("is being produced by run " + id);
    try (var runs = Files.list(dir.resolve(".prod-bridge/runs"))) {
      assertThat(runs).as("the refused runs created nothing").hasSize(1);
    }

    new ProcessBuilder("kill", "-KILL", String.valueOf(supervisorPid)).start().waitFor();
    ProcessHandle.of(supervisorPid)
        .ifPresent(h -> h.onExit().orTimeout(20, TimeUnit.SECONDS).join());
    assertThat(bridge("status", id, "--format", "json").json().get("status").asText())
        .isEqualTo("lost");
    CliRun after = new CliHarness(dir).run("run", "--episode-id", "same1", "--", "true");
    assertThat(after.exitCode()).as("the kernel released the killed supervisor's lock").isZero();
    assertThat(NoLeftoverProcesses.waitForNone(2000)).isEmpty();
  }

  @Test
  void cancelEndsTheWholeTreeAndTheRunIsCancelled() throws Exception {
    String id =
        bridge(
                "run",
                "--detach",
                "--grace",
                "1s",
                "--",
                "bash",
                "-c",
                "trap '' TERM; sleep 341 & sleep 342")
            .json()
            .get("run_id")
            .asText();
    awaitChild(id);

    CliRun cancel = bridge("cancel", id, "--format", "json");

    assertThat(cancel.exitCode()).as(cancel.stderr()).isZero();
    JsonNode r = cancel.json();
    assertThat(r.get("status").asText()).isEqualTo("cancelled");
    assertThat(r.get("error_type").asText()).isEqualTo("CANCELLED");
    assertThat(NoLeftoverProcesses.waitForNone(2000)).isEmpty();
    assertThat(bridge("status", id, "--format", "json").json().get("status").asText())
        .isEqualTo("cancelled");
  }

  @Test
  void statusOfAFailedRunIsExitZeroAndOfAnUnknownIdExitTwo() throws Exception {
    String id =
        bridge("run", "--detach", "--", "bash", "-c", "echo broke >&2; exit 3")
            .json()
            .get("run_id")
            .asText();
    CliRun failed = bridge("status", id, "--wait", "60s", "--format", "json");
    assertThat(failed.exitCode()).isZero();
    assertThat(failed.json().get("status").asText()).isEqualTo("error");
    assertThat(failed.json().get("error_message").asText()).contains("broke");
    supervisorPid = state(id).get("supervisor_pid").asLong();

    CliRun unknown = bridge("status", "20200101-000000-episode-abcdef");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.stderr()).contains("unknown run id 20200101-000000-episode-abcdef");
    assertThat(bridge("status", "../../etc").exitCode()).isEqualTo(2);

    CliRun logs = bridge("logs", id, "--stderr", "--tail", "1");
    assertThat(logs.stdout()).isEqualTo("broke\n");
  }

  @Test
  void statusWithNoRunsAtAllIsStillExitZero() throws Exception {
    CliRun none = bridge("status", "--format", "json");
    assertThat(none.exitCode()).isZero();
    assertThat(none.json().get("status").asText()).isEqualTo("none");
  }
}
