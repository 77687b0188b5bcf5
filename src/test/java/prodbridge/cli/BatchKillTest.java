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
 * A batch coordinator killed half-way (kill -9, or SIGTERM) loses no finished result and leaves no
 * process; the resumed batch runs each remaining job once. "Once" is counted from the children's
 * own side effects.
 */
@ExtendWith(NoLeftoverProcesses.class)
class BatchKillTest {
  @TempDir Path dir;
  private Process coordinator;

  @AfterEach
  void endCoordinator() {
    if (coordinator != null) {
      coordinator.destroyForcibly();
    }
  }

  private Process start(Path config, String... more) throws Exception {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "batch",
                "season.csv",
                "--config",
                config.toString(),
                "--batch-dir",
                "b",
                "--format",
                "json"));
    args.addAll(List.of(more));
    ProcessBuilder pb = Bridge.command(dir, args.toArray(String[]::new));
    pb.redirectOutput(dir.resolve("coordinator.out").toFile())
        .redirectError(dir.resolve("coordinator.err").toFile());
    return pb.start();
  }

  private void awaitDone(BatchFixture fx, int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (fx.doneCounts().size() < n) {
      assertThat(System.nanoTime()).as("%d jobs done within 2 minutes", n).isLessThan(deadline);
      assertThat(coordinator.isAlive())
          .as(Files.readString(dir.resolve("coordinator.err")))
          .isTrue();
      Thread.sleep(50);
    }
  }

  private void awaitStarted(int n) throws Exception {
    Path events = dir.resolve("b/events.jsonl");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.exists(events)
        || Files.readString(events).split("\"kind\":\"started\"", -1).length - 1 < n) {
      assertThat(System.nanoTime()).as("%d jobs started within 2 minutes", n).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void killNineHalfWayThenResumeProducesEachEpisodeOnce() throws Exception {
    BatchFixture fx = new BatchFixture(dir);
    Path config = fx.config(0.5, "");
    fx.topics("season.csv", 50);
    coordinator = start(config, "--parallel", "4");
    awaitDone(fx, 25);

    coordinator.destroyForcibly();
    coordinator.waitFor(10, TimeUnit.SECONDS);
    assertThat(NoLeftoverProcesses.waitForNone(30_000))
        .as("job supervisors and children after kill -9")
        .isEmpty();

    List<String> journal =
        Files.readAllLines(dir.resolve("b/journal.jsonl"), StandardCharsets.UTF_8);
    long succeeded = journal.stream().filter(l -> l.contains("\"status\":\"success\"")).count();
    assertThat(succeeded)
        .as("every finished child has its record")
        .isEqualTo(fx.doneCounts().size());
    assertThat(journal)
        .allMatch(
            l -> l.contains("\"status\":\"success\"") || l.contains("\"status\":\"cancelled\""));

    CliRun resumed =
        new CliHarness(dir)
            .run(
                "batch",
                "season.csv",
                "--config",
                config.toString(),
                "--batch-dir",
                "b",
                "--parallel",
                "4",
                "--resume");

    assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
    assertThat(resumed.json().get("counts").get("success").asInt()).isEqualTo(50);
    assertThat(fx.doneCounts())
        .hasSize(50)
        .allSatisfy((topic, n) -> assertThat(n).as(topic).isEqualTo(1));
  }

  @Test
  void sigtermCancelsTheRunningJobsAndResumeRunsThemAgain() throws Exception {
    BatchFixture fx = new BatchFixture(dir);
    Path config = fx.config(1.0, "");
    fx.topics("season.csv", 9);
    coordinator = start(config, "--parallel", "3");
    awaitStarted(6);

    coordinator.destroy();
    assertThat(coordinator.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(coordinator.exitValue()).isEqualTo(12);
    JsonNode summary = Bridge.json(Files.readString(dir.resolve("coordinator.out")));
    assertThat(summary.get("state").asText()).isEqualTo("cancelled");
    int cancelled = summary.get("counts").get("cancelled").asInt();
    assertThat(cancelled).as("the jobs running at SIGTERM").isBetween(1, 3);
    assertThat(summary.get("counts").get("success").asInt()).isEqualTo(fx.doneCounts().size());
    assertThat(summary.get("counts").get("pending").asInt())
        .isEqualTo(9 - cancelled - fx.doneCounts().size());
    assertThat(NoLeftoverProcesses.waitForNone(5_000)).isEmpty();
    JsonNode status = new CliHarness(dir).run("batch-status", "b").json();
    assertThat(status.get("state").asText()).isEqualTo("cancelled");

    CliRun resumed =
        new CliHarness(dir)
            .run(
                "batch",
                "season.csv",
                "--config",
                config.toString(),
                "--batch-dir",
                "b",
                "--parallel",
                "3",
                "--resume");
    assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
    assertThat(fx.doneCounts())
        .hasSize(9)
        .allSatisfy((topic, n) -> assertThat(n).as(topic).isEqualTo(1));
  }

  @Test
  void aSecondCoordinatorOfTheSameBatchIsRefused() throws Exception {
    BatchFixture fx = new BatchFixture(dir);
    Path config = fx.config(1.0, "");
    fx.topics("season.csv", 4);
    coordinator = start(config, "--parallel", "1");
    awaitDone(fx, 1);

    CliRun second =
        new CliHarness(dir)
            .run(
                "batch",
                "season.csv",
                "--config",
                config.toString(),
                "--batch-dir",
                "b",
                "--resume");
    assertThat(second.exitCode()).isEqualTo(2);
    assertThat(second.stderr()).contains("is being run now by process " + coordinator.pid());

    CliRun cancel = new CliHarness(dir).run("batch-cancel", "b");
    assertThat(cancel.exitCode()).as(cancel.stderr()).isZero();
    assertThat(cancel.json().get("state").asText()).isEqualTo("cancelled");
    assertThat(coordinator.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }
}
