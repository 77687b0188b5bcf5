package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.CliRun;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * A limit crossed while the child floods its output still ends the tree at once, with the bridge's
 * memory flat.
 */
@ExtendWith(NoLeftoverProcesses.class)
class FloodingLimitTest {
  /**
   * Floods stdout with whole lines, and after 0.3 s prints a cost event over any small budget, then
   * floods on.
   */
  private static final String FLOOD_THEN_OVERSPEND =
      String.join(
          "\n",
          "import sys, time",
          "out = sys.stdout.buffer",
          "block = b'flood line with nothing in it but words and numbers 1234567890\\n' * 2000",
          "t0 = time.time()",
          "sent = False",
          "while True:",
          "    out.write(block)",
          "    if not sent and time.time() - t0 > 0.3:",
          "        out.write(b'{\"event\": \"progress\", \"stage\": \"script\", \"cost\": 9.5}\\n')",
          "        sent = True");

  @TempDir Path dir;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final AtomicLong peakHeap = new AtomicLong();

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  private long watchHeap() {
    long baseline = heapUsed();
    timer.scheduleAtFixedRate(
        () -> peakHeap.accumulateAndGet(heapUsed(), Math::max), 0, 20, TimeUnit.MILLISECONDS);
    return baseline;
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Test
  void aBudgetEventAmidAFloodEndsTheRunAtOnce() throws Exception {
    long baseline = watchHeap();
    CliRun run =
        new CliHarness(dir)
            .run(
                "run",
                "--budget",
                "1.00",
                "--grace",
                "1s",
                "--timeout",
                "60s",
                "--",
                "python3",
                "-c",
                FLOOD_THEN_OVERSPEND);

    assertThat(run.exitCode()).as(run.stdout()).isEqualTo(14);
    JsonNode r = run.json();
    assertThat(r.get("error_type").asText()).isEqualTo("BUDGET_EXCEEDED");
    assertThat(r.get("final_cost").asDouble()).isEqualTo(9.5);
    assertThat(r.get("execution_time").asDouble()).as("the event came at 0.3 s").isLessThan(10.0);
    Path log = Path.of(r.get("logs").get("stdout").asText());
    assertThat(Files.size(log)).as("the flood reached the log").isGreaterThan(1L << 20);
    assertThat(peakHeap.get() - baseline).as("heap growth during the flood").isLessThan(64L << 20);
  }

  @Test
  void aMemoryLimitCrossedAmidAFloodEndsTheWholeTree() throws Exception {
    long baseline = watchHeap();
    String grow =
        "import time\nheld = []\nwhile True:\n    held.append(b'x' * (20 * 1024 * 1024))\n    time.sleep(0.05)\n";
    CliRun run =
        new CliHarness(dir)
            .run(
                "run",
                "--memory-limit",
                "200MB",
                "--monitor-interval",
                "200ms",
                "--grace",
                "1s",
                "--timeout",
                "60s",
                "--",
                "bash",
                "-c",
                "yes 'flood line, long, with nothing to hide in it' & python3 -c \"$0\"; wait",
                grow);

    assertThat(run.exitCode()).as(run.stdout()).isEqualTo(13);
    JsonNode r = run.json();
    assertThat(r.get("error_type").asText()).isEqualTo("MEMORY_ERROR");
    // bash, yes and python are signalled; the count is at least the two that hold the tree up (now
    // and then one of
    // the three is already gone when the count is taken), and NoLeftoverProcesses checks that none
    // survived.
    assertThat(r.get("processes_ended").get("sigterm").asInt())
        .as("bash, yes and python: " + run.stdout())
        .isGreaterThanOrEqualTo(2);
    assertThat(r.get("execution_time").asDouble()).isLessThan(10.0);
    assertThat(peakHeap.get() - baseline).as("heap growth during the flood").isLessThan(64L << 20);
  }
}
