package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.Bridge;
import prodbridge.testing.CliRun;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * Local batches with real job supervisors and real children: parallelism, the total budget, max
 * failures and memory admission, each proven by what the children themselves did.
 */
@ExtendWith(NoLeftoverProcesses.class)
class BatchRunTest {
  @TempDir Path dir;

  @Test
  void fiftyTopicsAtParallelFourEachSucceedOnce() throws Exception {
    BatchFixture fx = new BatchFixture(dir);
    Path config = fx.config(0.3, "");
    fx.topics("season.csv", 50);

    CliRun run =
        new CliHarness(dir)
            .run(
                "batch",
                "season.csv",
                "--parallel",
                "4",
                "--config",
                config.toString(),
                "--batch-dir",
                "b");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(fx.doneCounts())
        .hasSize(50)
        .allSatisfy((topic, n) -> assertThat(n).as(topic).isEqualTo(1));
    assertThat(fx.maxOverlap()).isBetween(2, 4);
    JsonNode s = run.json();
    assertThat(s.get("state").asText()).isEqualTo("finished");
    assertThat(s.get("counts").get("success").asInt()).isEqualTo(50);
    assertThat(s.get("total_cost").asDouble()).isEqualTo(20.0);
    assertThat(run.stdout().length()).isLessThan(8 * 1024);
    List<String> joblog = Files.readAllLines(dir.resolve("b/joblog.tsv"));
    assertThat(joblog).hasSize(51);
    assertThat(joblog.get(0))
        .isEqualTo("Seq\tHost\tStarttime\tJobRuntime\tSend\tReceive\tExitval\tSignal\tCommand");
    assertThat(joblog.subList(1, 51))
        .allSatisfy(
            l -> {
              String[] f = l.split("\t");
              assertThat(f).hasSize(9);
              assertThat(f[2]).matches("\\d{10}\\.\\d{3}");
              assertThat(Double.parseDouble(f[3])).isGreaterThan(0.29);
              assertThat(f[6]).isEqualTo("0");
              assertThat(f[8])
                  .startsWith("prod-bridge prod-episode --episode-id ep_")
                  .contains("with a comma");
            });
    assertThat(Files.readAllLines(dir.resolve("b/journal.jsonl"))).hasSize(50);
    JsonNode status = Bridge.json(new CliHarness(dir).run("batch-status", "b").stdout());
    assertThat(status.get("counts")).isEqualTo(s.get("counts"));
  }

  @Test
  void theTotalBudgetStopsNewJobs() throws Exception {
    BatchFixture fx = new BatchFixture(dir);
    Path config = fx.config(0.1, "");
    fx.topics("season.csv", 10);

    CliRun run =
        new CliHarness(dir)
            .run(
                "batch",
                "season.csv",
                "--parallel",
                "2",
                "--total-budget",
                "3.00",
                "--config",
                config.toString(),
                "--batch-dir",
                "b");

    // each job may spend $1.00 and spends $0.40: the 6th starts at $2.00 spent, the 7th would pass
    // $3.00
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(3);
    assertThat(fx.doneCounts()).hasSize(6);
    JsonNode s = run.json();
    assertThat(s.get("counts").get("success").asInt()).isEqualTo(6);
    assertThat(s.get("counts").get("skipped").asInt()).isEqualTo(4);
    assertThat(s.get("total_cost").asDouble()).isEqualTo(2.4).isLessThanOrEqualTo(3.0);
    assertThat(s.get("not_done").get(0).get("hint").asText())
        .isEqualTo("total budget: $2.40 spent + this job's $1.00 would pass $3.00");
  }

  @Test
  void maxFailuresStopsStartingJobs() throws Exception {
    BatchFixture fx = new BatchFixture(dir);
    Path config = fx.config(0.1, "");
    Files.writeString(
        dir.resolve("season.txt"), "fail one\nfail two\nfail three\nGood four\nGood five\n");

    CliRun run =
        new CliHarness(dir)
            .run(
                "batch",
                "season.txt",
                "--parallel",
                "1",
                "--max-failures",
                "2",
                "--config",
                config.toString(),
                "--batch-dir",
                "b");

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(3);
    JsonNode s = run.json();
    assertThat(s.get("counts").get("error").asInt()).isEqualTo(2);
    assertThat(s.get("counts").get("skipped").asInt()).isEqualTo(3);
    assertThat(s.get("by_error_type").get("EXECUTION_ERROR").asInt()).isEqualTo(2);
    assertThat(fx.doneCounts()).isEmpty();
    assertThat(Files.readAllLines(dir.resolve("timeline"))).hasSize(4);

    CliRun retry =
        new CliHarness(dir)
            .run(
                "batch",
                "season.txt",
                "--parallel",
                "1",
                "--retry-failed",
                "--config",
                config.toString(),
                "--batch-dir",
                "b");
    assertThat(retry.json().get("counts").get("success").asInt()).isEqualTo(2);
    assertThat(retry.json().get("counts").get("error").asInt()).isEqualTo(3);
    assertThat(fx.doneCounts()).containsOnlyKeys("Good four", "Good five");
  }

  @Test
  void aFailedJobExplainsItselfAndItsRunIsFoundByTheRunCommands() throws Exception {
    BatchFixture fx = new BatchFixture(dir);
    Path config = fx.config(0.1, "");
    Files.writeString(dir.resolve("season.txt"), "Good one\nfail \u001b[31mtwo\n");

    CliRun run =
        new CliHarness(dir)
            .run("batch", "season.txt", "--parallel", "1", "--config", config.toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(3);
    JsonNode failed = run.json().get("not_done").get(0);
    assertThat(failed.get("topic").asText()).isEqualTo("fail \u001b[31mtwo");
    assertThat(failed.get("message").asText()).contains("pipeline error: topic refused");
    assertThat(failed.get("hint").asText()).isNotBlank();
    String runId = failed.get("run_id").asText();
    CliHarness h = new CliHarness(dir);
    assertThat(h.run("result", runId, "--config", config.toString()).json().get("status").asText())
        .isEqualTo("error");
    assertThat(h.run("logs", runId, "--stderr", "--config", config.toString()).stdout())
        .contains("pipeline error: topic refused");
    assertThat(h.run("runs", "--config", config.toString()).stdout()).contains(runId);

    String text =
        h.run("batch-status", ".prod-bridge/runs/batches/season", "--format", "text").stdout();
    assertThat(text)
        .contains(
            "#2 ", "\"fail \\e[31mtwo\"", "pipeline error: topic refused", "hint: ", "run " + runId)
        .doesNotContain("\u001b");
  }

  @Test
  void memoryAdmissionHoldsAJobBackUntilTheRunningOneEnds() throws Exception {
    long available = prodbridge.monitor.SystemMemory.availableBytes();
    long limitMb = available * 6 / 10 >> 20;
    BatchFixture fx = new BatchFixture(dir);
    Path config = fx.config(1.0, "\"memory_limit\": \"" + limitMb + "MB\"");
    Files.writeString(dir.resolve("season.txt"), "Dreams\nTides\nSleep\n");

    CliRun run =
        new CliHarness(dir)
            .run(
                "batch",
                "season.txt",
                "--parallel",
                "3",
                "--config",
                config.toString(),
                "--batch-dir",
                "b");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(fx.doneCounts()).hasSize(3);
    assertThat(fx.maxOverlap())
        .as("two jobs of 60% of available memory never run together")
        .isEqualTo(1);
    String events = Files.readString(dir.resolve("b/events.jsonl"));
    assertThat(events)
        .contains("\"kind\":\"held\"", "\"reason\":\"memory\"", "\"needed_mb\":" + limitMb);
  }

  @Test
  void aJobThatCanNeverFitInTheMachinesMemoryEndsTheBatchAtOnceWithTheReasonInsteadOfWaiting()
      throws Exception {
    long totalMb = prodbridge.monitor.SystemMemory.totalBytes() >> 20;
    BatchFixture fx = new BatchFixture(dir);
    Path config = fx.config(0.1, "\"memory_limit\": \"" + (totalMb * 2) + "MB\"");
    Files.writeString(dir.resolve("season.txt"), "Dreams\nTides\n");

    long t0 = System.nanoTime();
    CliRun run =
        new CliHarness(dir)
            .run("batch", "season.txt", "--config", config.toString(), "--batch-dir", "b");
    long millis = (System.nanoTime() - t0) / 1_000_000;

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
    assertThat(run.stderr().strip())
        .doesNotContain("\n")
        .contains(
            "season.txt:1: the prod-episode memory limit ("
                + totalMb * 2
                + " MB) is more than this machine has (",
            "the job could never start");
    assertThat(millis).as("refused at once, not held for memory").isLessThan(30_000);
    assertThat(dir.resolve("b")).as("nothing created").doesNotExist();
    assertThat(fx.doneCounts()).isEmpty();
  }

  @Test
  void aResumeThatFindsAJobThatCanNeverFitIsRefusedTheSameWay() throws Exception {
    BatchFixture fx = new BatchFixture(dir);
    Files.writeString(dir.resolve("season.txt"), "Dreams\nTides\n");
    CliRun first =
        new CliHarness(dir)
            .run(
                "batch",
                "season.txt",
                "--config",
                fx.config(0.1, "").toString(),
                "--batch-dir",
                "b",
                "--total-budget",
                "0.5");
    assertThat(first.json().get("counts").get("skipped").asInt()).as(first.stdout()).isEqualTo(2);

    long totalMb = prodbridge.monitor.SystemMemory.totalBytes() >> 20;
    Path big = fx.config(0.1, "\"memory_limit\": \"" + (totalMb * 2) + "MB\"");
    CliRun resumed =
        new CliHarness(dir)
            .run(
                "batch",
                "season.txt",
                "--config",
                big.toString(),
                "--batch-dir",
                "b",
                "--total-budget",
                "5",
                "--resume");
    assertThat(resumed.exitCode()).as(resumed.stderr()).isEqualTo(2);
    assertThat(resumed.stderr())
        .contains("is more than this machine has (", "the job could never start");
    assertThat(fx.doneCounts()).as("nothing ran in either session").isEmpty();
  }
}
