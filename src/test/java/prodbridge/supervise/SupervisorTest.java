package prodbridge.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.NoLeftoverProcesses;

/** Real children, real signals: the tree cases a supervisor must never leak. */
@ExtendWith(NoLeftoverProcesses.class)
class SupervisorTest {
  @TempDir Path dir;
  private int runs;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  private LaunchSpec spec(Duration timeout, Duration grace, String... argv) {
    String id = "test-" + ProcessHandle.current().pid() + "-" + (++runs);
    return new LaunchSpec(
        id,
        List.of(argv),
        dir,
        Map.of("PATH", System.getenv("PATH")),
        dir.resolve(id + ".out"),
        dir.resolve(id + ".err"),
        timeout,
        grace,
        null);
  }

  @Test
  void deadlineEndsTermIgnoringDoubleForkedSetsidAndPipeHoldingDescendants() throws Exception {
    String script =
        String.join(
            "\n",
            "(trap '' TERM; sleep 301) &",
            "( (sleep 302 &) & )",
            "setsid sleep 303 &",
            "sleep 304 &",
            "echo started",
            "sleep 305");
    long t0 = System.nanoTime();
    Outcome o =
        new Supervisor()
            .run(spec(Duration.ofSeconds(2), Duration.ofSeconds(1), "bash", "-c", script));
    long wallMillis = (System.nanoTime() - t0) / 1_000_000;

    assertThat(o.reason()).isEqualTo(StopReason.DEADLINE);
    assertThat(o.stdoutTail()).isEqualTo("started\n");
    assertThat(o.treeStop().terminated())
        .as("bash, both sleeps, daemons")
        .isGreaterThanOrEqualTo(5);
    assertThat(o.treeStop().killed()).as("the TERM-ignoring sleep").isGreaterThanOrEqualTo(1);
    assertThat(o.treeStop().survivors()).isEmpty();
    assertThat(wallMillis).as("2 s deadline + 1 s grace, generous margin").isBetween(2900L, 5000L);
    assertThat(NoLeftoverProcesses.markedProcesses()).isEmpty();
  }

  @Test
  void mainChildExitingEndsTheRestOfItsTreeAndReturnsWithoutWaitingOnThePipe() throws Exception {
    long t0 = System.nanoTime();
    Outcome o =
        new Supervisor()
            .run(
                spec(
                    Duration.ofMinutes(1),
                    Duration.ofSeconds(5),
                    "bash",
                    "-c",
                    "sleep 306 & echo done; exit 3"));
    long wallMillis = (System.nanoTime() - t0) / 1_000_000;

    assertThat(o.reason()).isEqualTo(StopReason.EXITED);
    assertThat(o.exitCode()).isEqualTo(3);
    assertThat(o.stdoutTail()).isEqualTo("done\n");
    assertThat(o.treeStop().terminated()).isEqualTo(1);
    assertThat(wallMillis)
        .as("no 5 s pipe wait, no grace wait for a sleep that obeys TERM")
        .isLessThan(2500);
  }

  @Test
  void childStdinIsAtEndOfFile() throws Exception {
    Outcome o =
        new Supervisor()
            .run(
                spec(Duration.ofSeconds(20), Duration.ofSeconds(1), "bash", "-c", "cat; echo eof"));
    assertThat(o.reason()).isEqualTo(StopReason.EXITED);
    assertThat(o.stdoutTail()).isEqualTo("eof\n");
  }

  @Test
  void argumentsArriveVerbatimWithNoShellInBetween() throws Exception {
    String hostile = "$(touch pwned); rm -rf ~ `id` \"quoted\" 'single' * \\ {topic}";
    Outcome o =
        new Supervisor()
            .run(spec(Duration.ofSeconds(20), Duration.ofSeconds(1), "printf", "%s|", hostile, ""));
    assertThat(o.stdoutTail()).isEqualTo(hostile + "||");
    assertThat(dir.resolve("pwned")).doesNotExist();
  }

  @Test
  void childSeesOnlyTheGivenEnvironmentPlusTheRunMarker() throws Exception {
    LaunchSpec s = spec(Duration.ofSeconds(20), Duration.ofSeconds(1), "env");
    Outcome o = new Supervisor().run(s);
    assertThat(o.stdoutTail().lines().sorted())
        .containsExactly("PATH=" + System.getenv("PATH"), "PROD_BRIDGE_RUN_ID=" + s.runId());
  }

  @Test
  void childGetsItsOwnSession() throws Exception {
    Outcome o =
        new Supervisor()
            .run(
                spec(
                    Duration.ofSeconds(20),
                    Duration.ofSeconds(1),
                    "bash",
                    "-c",
                    "echo $$ $(ps -o sid= -p $$) $(ps -o pgid= -p $$)"));
    String[] ids = o.stdoutTail().trim().split("\\s+");
    assertThat(ids[1]).isEqualTo(ids[0]);
    assertThat(ids[2]).isEqualTo(ids[0]);
  }

  @Test
  void requestStopCancelsAndEndsTheTree() throws Exception {
    Supervisor supervisor = new Supervisor();
    timer.schedule(() -> supervisor.requestStop(StopReason.CANCELLED), 700, TimeUnit.MILLISECONDS);
    Outcome o =
        supervisor.run(
            spec(
                Duration.ofMinutes(1),
                Duration.ofSeconds(1),
                "bash",
                "-c",
                "sleep 307 & sleep 308"));
    assertThat(o.reason()).isEqualTo(StopReason.CANCELLED);
    assertThat(o.elapsed()).isLessThan(Duration.ofSeconds(5));
    assertThat(o.treeStop().terminated()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aSecondCancelSkipsTheGracePeriod() throws Exception {
    Supervisor supervisor = new Supervisor();
    timer.schedule(() -> supervisor.requestStop(StopReason.CANCELLED), 600, TimeUnit.MILLISECONDS);
    timer.schedule(() -> supervisor.requestStop(StopReason.CANCELLED), 1200, TimeUnit.MILLISECONDS);
    Outcome o =
        supervisor.run(
            spec(
                Duration.ofMinutes(1),
                Duration.ofSeconds(30),
                "bash",
                "-c",
                "trap '' TERM; sleep 309"));
    assertThat(o.reason()).isEqualTo(StopReason.CANCELLED);
    assertThat(o.elapsed()).as("not the 30 s grace").isLessThan(Duration.ofSeconds(6));
    assertThat(o.treeStop().killed()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aCommandThatCannotBeExecutedReportsExit127AndWhy() throws Exception {
    Outcome o =
        new Supervisor()
            .run(
                spec(Duration.ofSeconds(20), Duration.ofSeconds(1), "no-such-command-prod-bridge"));
    assertThat(o.reason()).isEqualTo(StopReason.EXITED);
    assertThat(o.exitCode()).isEqualTo(127);
    assertThat(o.stderrTail()).contains("no-such-command-prod-bridge");
  }

  @Test
  void aMissingWorkingDirectoryIsALaunchFailure() throws Exception {
    LaunchSpec s = spec(Duration.ofSeconds(20), Duration.ofSeconds(1), "true");
    LaunchSpec missing =
        new LaunchSpec(
            s.runId(),
            s.argv(),
            dir.resolve("nope"),
            s.environment(),
            s.stdoutLog(),
            s.stderrLog(),
            s.timeout(),
            s.grace(),
            null);
    Outcome o = new Supervisor().run(missing);
    assertThat(o.reason()).isEqualTo(StopReason.LAUNCH_FAILED);
    assertThat(o.exitCode()).isNull();
    assertThat(o.launchError()).contains("cannot start true");
  }

  @Test
  void aFloodOfOutputGoesToTheLogWhileMemoryStaysFlat() throws Exception {
    long floodBytes = 200L * 1024 * 1024;
    AtomicLong peakHeap = new AtomicLong();
    System.gc();
    long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    timer.scheduleAtFixedRate(
        () ->
            peakHeap.accumulateAndGet(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max),
        0,
        20,
        TimeUnit.MILLISECONDS);
    LaunchSpec s =
        spec(
            Duration.ofMinutes(2),
            Duration.ofSeconds(1),
            "bash",
            "-c",
            "head -c " + floodBytes + " /dev/zero | tr '\\0' 'x'; echo; echo last line");
    Outcome o = new Supervisor().run(s);

    assertThat(o.exitCode()).isZero();
    assertThat(Files.size(s.stdoutLog())).isEqualTo(floodBytes + "\nlast line\n".length());
    assertThat(o.stdoutBytes()).isEqualTo(floodBytes + "\nlast line\n".length());
    assertThat(o.stdoutTail())
        .hasSizeLessThanOrEqualTo(Supervisor.STDOUT_TAIL_BYTES)
        .endsWith("\nlast line\n");
    assertThat(peakHeap.get() - baseline)
        .as("heap growth while 200 MB passed through")
        .isLessThan(64L << 20);
  }
}
