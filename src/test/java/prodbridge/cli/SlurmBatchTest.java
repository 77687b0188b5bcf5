package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.batch.SlurmCli;
import prodbridge.testing.Bridge;
import prodbridge.testing.CliRun;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * Batches as Slurm job arrays, against a real Slurm: the single-node cluster .ci/slurm-local
 * starts. Without a reachable controller these tests are skipped, except in CI (CI=true), where
 * that is a failure.
 */
@ExtendWith(NoLeftoverProcesses.class)
class SlurmBatchTest {
  @TempDir Path dir;
  private Process coordinator;

  private static Boolean reachable;

  /**
   * Checked before each test (asked once), so a missing cluster shows every test as skipped, with
   * the reason.
   */
  @BeforeEach
  void slurmAnswers() {
    if (reachable == null) {
      reachable = new SlurmCli().reachable();
    }
    if (reachable) {
      return;
    }
    String why =
        "no Slurm controller reachable (sinfo failed); start a single-node cluster with"
            + " `sudo .ci/slurm-local` to run the Slurm tests";
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError(why + " (CI must run them: .ci/run starts it)");
    }
    Assumptions.abort(why);
  }

  @AfterEach
  void endCoordinator() throws Exception {
    if (coordinator != null) {
      coordinator.destroyForcibly();
    }
  }

  @Test
  void aBatchRunsAsOneJobArrayAndEachJobSucceedsOnce() throws Exception {
    BatchFixture fx = new BatchFixture(dir);
    Path config = fx.config(0.3, "\"memory_limit\": \"256MB\"");
    fx.topics("season.csv", 6);

    CliRun run =
        new CliHarness(dir)
            .run(
                "batch",
                "season.csv",
                "--executor",
                "slurm",
                "--parallel",
                "2",
                "--config",
                config.toString(),
                "--batch-dir",
                "b");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(fx.doneCounts())
        .hasSize(6)
        .allSatisfy((topic, n) -> assertThat(n).as(topic).isEqualTo(1));
    assertThat(fx.maxOverlap()).isLessThanOrEqualTo(2);
    JsonNode s = run.json();
    assertThat(s.get("executor").asText()).isEqualTo("slurm");
    String jobId = s.get("slurm_job_id").asText();
    assertThat(jobId).matches("\\d+");
    assertThat(s.get("counts").get("success").asInt()).isEqualTo(6);
    assertThat(Files.readAllLines(dir.resolve("b/joblog.tsv"))).hasSize(7);
    try (Stream<Path> logs = Files.list(dir.resolve("b/slurm"))) {
      assertThat(logs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(jobId + "_")))
          .hasSize(6);
    }
    String script =
        Files.readString(
            Files.list(dir.resolve("b/slurm"))
                .filter(p -> p.getFileName().toString().startsWith("task-"))
                .findFirst()
                .orElseThrow());
    assertThat(script).contains("batch-job --batch-dir " + dir.resolve("b") + " --slurm-array");
    // --time: the 30m timeout plus 2s grace, plus a minute for the bridge; --mem: the 256MB limit
    // plus 512MB
    String shown = new SlurmCli().require("scontrol", "show", "job", "-o", jobId + "_0");
    assertThat(shown)
        .contains(
            "JobState=COMPLETED",
            "ArrayTaskThrottle=2",
            "TimeLimit=00:32:00",
            "MinMemoryNode=768M");
    assertThat(new CliHarness(dir).run("batch-status", "b").json().get("counts"))
        .isEqualTo(s.get("counts"));
  }

  @Test
  void arrayTasksAdmitThemselvesUnderTheTotalBudget() throws Exception {
    BatchFixture fx = new BatchFixture(dir);
    Path config = fx.config(0.3, "");
    fx.topics("season.csv", 5);

    CliRun run =
        new CliHarness(dir)
            .run(
                "batch",
                "season.csv",
                "--executor",
                "slurm",
                "--parallel",
                "2",
                "--total-budget",
                "2.00",
                "--config",
                config.toString(),
                "--batch-dir",
                "b");

    // $1.00 budgets, $0.40 spent each: two start, the third after both end ($0.80 + $1.00), then
    // none fits
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(3);
    assertThat(fx.doneCounts()).hasSize(3);
    JsonNode s = run.json();
    assertThat(s.get("counts").get("skipped").asInt()).isEqualTo(2);
    assertThat(s.get("total_cost").asDouble()).isEqualTo(1.2);
  }

  @Test
  void batchCancelMapsToScancelAndTheRunsEndCancelled() throws Exception {
    BatchFixture fx = new BatchFixture(dir);
    Path config = fx.config(60, "");
    fx.topics("season.csv", 3);
    ProcessBuilder pb =
        Bridge.command(
            dir,
            "batch",
            "season.csv",
            "--executor",
            "slurm",
            "--parallel",
            "2",
            "--config",
            config.toString(),
            "--batch-dir",
            "b",
            "--format",
            "json");
    pb.redirectOutput(dir.resolve("coordinator.out").toFile())
        .redirectError(dir.resolve("coordinator.err").toFile());
    coordinator = pb.start();
    Path timeline = dir.resolve("timeline");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(timeline) || Files.readAllLines(timeline).size() < 2) {
      assertThat(System.nanoTime()).as("two children started").isLessThan(deadline);
      Thread.sleep(100);
    }

    CliRun cancel = new CliHarness(dir).run("batch-cancel", "b");

    assertThat(cancel.exitCode()).as(cancel.stderr()).isZero();
    assertThat(cancel.stderr()).contains("scancel ");
    assertThat(coordinator.waitFor(60, TimeUnit.SECONDS)).isTrue();
    JsonNode s = Bridge.json(Files.readString(dir.resolve("coordinator.out")));
    assertThat(s.get("state").asText()).isEqualTo("cancelled");
    assertThat(s.get("counts").get("cancelled").asInt()).isEqualTo(3);
    assertThat(fx.doneCounts()).isEmpty();
    List<String> journal = Files.readAllLines(dir.resolve("b/journal.jsonl"));
    assertThat(journal.stream().filter(l -> l.contains("\"run_id\":\"2")).count())
        .as("the two running tasks recorded their own cancelled runs")
        .isEqualTo(2);
    assertThat(NoLeftoverProcesses.waitForNone(15_000)).isEmpty();
  }
}
