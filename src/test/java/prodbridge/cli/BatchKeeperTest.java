package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The batch's keeper: when the coordinator that supervises every job dies by kill -9 with 8 jobs
 * running, each with a TERM-ignoring and a setsid'd grandchild, every process is gone within
 * seconds, and {@code --resume} produces each job exactly once (counted by the children's own side
 * effects). A keeper that dies first is replaced by the coordinator, and the replacement does the
 * same.
 */
@ExtendWith(NoLeftoverProcesses.class)
class BatchKeeperTest {
  /**
   * A grandchild that ignores SIGTERM and one in its own session; both killed by the job itself
   * before it ends.
   */
  private static final String GRANDCHILDREN =
      "bash -c 'trap \"\" TERM; while :; do sleep 0.2; done' & a=$!; "
          + "setsid sleep 60 & b=$!; trap 'kill -9 $a $b 2>/dev/null' EXIT; ";

  @TempDir Path dir;
  private Process coordinator;

  @AfterEach
  void endCoordinator() {
    if (coordinator != null) {
      coordinator.destroyForcibly();
    }
  }

  @Test
  void killNineWithEightJobsRunningLeavesNothingAndResumeRunsEachJobOnce() throws Exception {
    BatchFixture fx = new BatchFixture(dir);
    Path config = fx.config(5.0, "", GRANDCHILDREN);
    fx.topics("season.csv", 12);
    coordinator = start(config);
    awaitRunning(8 * 3);

    coordinator.destroyForcibly();
    long killedAt = System.nanoTime();
    coordinator.waitFor(10, TimeUnit.SECONDS);
    awaitTreesGone(killedAt);
    assertThat(NoLeftoverProcesses.waitForNone(30_000))
        .as("the keeper and its reap after kill -9")
        .isEmpty();

    List<String> journal =
        Files.readAllLines(dir.resolve("b/journal.jsonl"), StandardCharsets.UTF_8);
    assertThat(journal).as("every started job recorded").hasSizeGreaterThanOrEqualTo(8);
    long succeeded = journal.stream().filter(l -> l.contains("\"status\":\"success\"")).count();
    assertThat(succeeded)
        .as("every finished child has its success")
        .isEqualTo(fx.doneCounts().size());
    assertThat(journal)
        .allMatch(
            l -> l.contains("\"status\":\"success\"") || l.contains("\"status\":\"cancelled\""));

    resumeAndExpectEachOnce(fx, config, 12);
  }

  @Test
  void aKeeperKilledFirstIsReplacedAndStillEndsEverythingWhenTheCoordinatorDies() throws Exception {
    BatchFixture fx = new BatchFixture(dir);
    Path config = fx.config(5.0, "", GRANDCHILDREN);
    fx.topics("season.csv", 8);
    coordinator = start(config);
    awaitRunning(8 * 3);
    Path batch = dir.resolve("b").toAbsolutePath().normalize();
    List<Long> first = SupervisorKillTest.keepers(batch);
    assertThat(first).hasSize(1);

    ProcessHandle.of(first.get(0)).ifPresent(ProcessHandle::destroyForcibly);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<Long> now = SupervisorKillTest.keepers(batch);
    while ((now.isEmpty() || now.equals(first)) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      now = SupervisorKillTest.keepers(batch);
    }
    assertThat(now).as("a new keeper").hasSize(1).doesNotContainAnyElementsOf(first);
    assertThat(coordinator.isAlive()).isTrue();

    coordinator.destroyForcibly();
    long killedAt = System.nanoTime();
    coordinator.waitFor(10, TimeUnit.SECONDS);
    awaitTreesGone(killedAt);
    assertThat(NoLeftoverProcesses.waitForNone(30_000)).isEmpty();
    resumeAndExpectEachOnce(fx, config, 8);
  }

  private Process start(Path config) throws Exception {
    ProcessBuilder pb =
        Bridge.command(
            dir,
            "batch",
            "season.csv",
            "--config",
            config.toString(),
            "--batch-dir",
            "b",
            "--parallel",
            "8",
            "--format",
            "json");
    pb.redirectOutput(dir.resolve("coordinator.out").toFile())
        .redirectError(dir.resolve("coordinator.err").toFile());
    return pb.start();
  }

  /** Waits until at least {@code n} processes of the batch's job trees run. */
  /**
   * Waits for {@code n} job processes that belong to at least {@code n / 3} jobs (a job's tree has
   * 3 or more).
   */
  private void awaitRunning(int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (jobProcesses().size() < n || runningJobs() < n / 3) {
      assertThat(System.nanoTime()).as("%d job processes within 2 minutes", n).isLessThan(deadline);
      assertThat(coordinator.isAlive())
          .as(
              "coordinator alive; it said %s %s (%d job processes seen)",
              Files.readString(dir.resolve("coordinator.out")),
              Files.readString(dir.resolve("coordinator.err")),
              jobProcesses().size())
          .isTrue();
      Thread.sleep(50);
    }
  }

  private void awaitTreesGone(long killedAt) throws Exception {
    List<Long> left = jobProcesses();
    while (!left.isEmpty() && System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(30)) {
      Thread.sleep(20);
      left = jobProcesses();
    }
    long millis = (System.nanoTime() - killedAt) / 1_000_000;
    assertThat(left).as("job processes after the coordinator's kill -9").isEmpty();
    // grace (2 s, the fixture's) + 1 s, with a margin for a loaded 2-core machine
    assertThat(millis)
        .as("all trees gone within grace + 1 s (+ margin)")
        .isLessThan(2000 + 1000 + 3000);
  }

  /** How many jobs have processes: the distinct run ids their environments carry. */
  private long runningJobs() throws Exception {
    return jobProcesses().stream()
        .map(
            pid -> {
              try {
                for (String v :
                    Files.readString(Path.of("/proc/" + pid + "/environ")).split("\0")) {
                  if (v.startsWith("PROD_BRIDGE_RUN_ID=")) {
                    return v;
                  }
                }
              } catch (java.io.IOException gone) {
                // ended meanwhile
              }
              return "";
            })
        .filter(v -> !v.isEmpty())
        .distinct()
        .count();
  }

  /** Processes of the jobs' trees: marked with a run id, not keepers. */
  private List<Long> jobProcesses() throws Exception {
    List<Long> keepers = SupervisorKillTest.keepers(dir.resolve("b").toAbsolutePath().normalize());
    return NoLeftoverProcesses.markedProcesses().stream()
        .filter(p -> !keepers.contains(p))
        .toList();
  }

  private void resumeAndExpectEachOnce(BatchFixture fx, Path config, int jobs) throws Exception {
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
                "8",
                "--resume");
    assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
    assertThat(resumed.json().get("counts").get("success").asInt()).isEqualTo(jobs);
    assertThat(fx.doneCounts())
        .hasSize(jobs)
        .allSatisfy((topic, n) -> assertThat(n).as(topic).isEqualTo(1));
  }
}
