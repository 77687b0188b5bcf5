package prodbridge.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * A cancel or a deadline that lands within a few milliseconds of a normal exit: whatever the order,
 * a child that exited 0 is never recorded as stopped by the bridge, and one the bridge did stop did
 * not exit 0.
 */
@ExtendWith(NoLeftoverProcesses.class)
class StopRaceTest {
  private static final int TRIALS = Integer.getInteger("race.trials", 200);
  private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(60);

  /**
   * Exits 0 about 50 ms after launch; the stops land 45 to 75 ms after launch, around that exit.
   */
  private static final String CHILD = "echo '{\"status\":\"success\"}'; sleep 0.05";

  @TempDir Path dir;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private int runs;

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  @Test
  void aCancelInTheSameInstantAsANormalExitNeverMakesItCancelled() throws Exception {
    Random random = new Random(seed());
    List<Outcome> outcomes = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < TRIALS && System.nanoTime() - t0 < BUDGET_NANOS; i++) {
      long at = TimeUnit.MICROSECONDS.toNanos(45_000 + random.nextInt(30_000));
      Supervisor s = new Supervisor();
      outcomes.add(
          s.run(
              spec(Duration.ofSeconds(30)),
              tree ->
                  timer.schedule(
                      () -> s.requestStop(StopReason.CANCELLED), at, TimeUnit.NANOSECONDS)));
    }
    assertExactlyOnce(outcomes, StopReason.CANCELLED);
  }

  @Test
  void aDeadlineInTheSameInstantAsANormalExitNeverMakesItTimedOut() throws Exception {
    Random random = new Random(seed() + 1);
    List<Outcome> outcomes = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < TRIALS && System.nanoTime() - t0 < BUDGET_NANOS; i++) {
      long at = TimeUnit.MICROSECONDS.toNanos(45_000 + random.nextInt(30_000));
      outcomes.add(new Supervisor().run(spec(Duration.ofNanos(at))));
    }
    assertExactlyOnce(outcomes, StopReason.DEADLINE);
  }

  private static void assertExactlyOnce(List<Outcome> outcomes, StopReason stop) {
    long exited = outcomes.stream().filter(o -> o.reason() == StopReason.EXITED).count();
    long stopped = outcomes.stream().filter(o -> o.reason() == stop).count();
    System.err.printf("%d trials: %d exited, %d %s%n", outcomes.size(), exited, stopped, stop);
    for (Outcome o : outcomes) {
      if (o.exitCode() == 0) {
        assertThat(o.reason()).as("a child that exited 0 by itself").isEqualTo(StopReason.EXITED);
      }
      if (o.reason() == stop) {
        assertThat(o.exitCode()).as("a child the bridge stopped").isNotZero();
      }
    }
    assertThat(exited + stopped).isEqualTo(outcomes.size());
    assertThat(outcomes.size()).as("trials run within the time bound").isGreaterThanOrEqualTo(20);
  }

  private static long seed() {
    long seed = Long.getLong("race.seed", System.nanoTime());
    System.err.println("StopRaceTest seed " + seed + " (rerun with -Drace.seed=" + seed + ")");
    return seed;
  }

  private LaunchSpec spec(Duration timeout) {
    String id = "test-" + ProcessHandle.current().pid() + "-race-" + (++runs);
    return new LaunchSpec(
        id,
        List.of("sh", "-c", CHILD),
        dir,
        Map.of("PATH", System.getenv("PATH")),
        dir.resolve(id + ".out"),
        dir.resolve(id + ".err"),
        timeout,
        Duration.ofSeconds(1),
        null);
  }
}
