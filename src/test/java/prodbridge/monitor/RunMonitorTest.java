package prodbridge.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.supervise.StopReason;

/** The monitor as a scheduler, ticked by hand on a fake clock over real files. */
class RunMonitorTest {
  private static final long MB = 1024 * 1024;
  private static final long SECOND = 1_000_000_000L;

  @TempDir Path dir;
  private final AtomicLong clock = new AtomicLong(7 * SECOND);
  private final AtomicLong treeBytes = new AtomicLong(100 * MB);
  private final List<Violation> told = new CopyOnWriteArrayList<>();

  private RunMonitor monitor(Long memoryLimit, double budget, Duration stall, CostFile costFile)
      throws IOException {
    Files.createDirectories(dir.resolve("out"));
    RunMonitor m =
        new RunMonitor(
            MonitorLimits.of(Duration.ofSeconds(1), budget)
                .withMemoryLimit(memoryLimit)
                .withStallTimeout(stall),
            dir.resolve("events.jsonl"),
            dir.resolve("out"),
            costFile,
            dir.resolve("child-events.jsonl"),
            () -> 0,
            ProgressListener.NONE,
            told::add,
            s -> s,
            clock::get);
    m.watch(treeBytes::get);
    return m;
  }

  @Test
  void aStallIsToldOnceWhenNoSignOfLifeCameForTheTimeout() throws IOException {
    RunMonitor m = monitor(null, 10, Duration.ofSeconds(5), null);
    clock.addAndGet(4 * SECOND);
    m.tick();
    Files.writeString(dir.resolve("out/notes.md"), "a file changing is a sign of life");
    m.tick();
    clock.addAndGet(4 * SECOND);
    m.tick();
    assertThat(told).isEmpty();
    clock.addAndGet(2 * SECOND);
    m.tick();
    m.tick();
    assertThat(told).extracting(Violation::reason).containsExactly(StopReason.STALLED);
    assertThat(told.get(0).message()).startsWith("no output, event or file change for 6.0s");
    assertThat(m.stop(StopReason.STALLED).violation()).isEqualTo(told.get(0));
  }

  @Test
  void aCostOverBudgetInAStdoutEventIsActedOnAtOnceWithoutATick() throws IOException {
    RunMonitor m = monitor(null, 2.0, null, null);
    m.onStdoutLine("{\"event\":\"cost\",\"stage\":\"script\",\"cost\":1.0}");
    assertThat(told).isEmpty();
    m.onStdoutLine("{\"event\":\"cost\",\"stage\":\"audio\",\"cost\":2.5}");
    assertThat(told)
        .extracting(Violation::message)
        .containsExactly("cost reached $2.50, over the $2.00 budget (from progress events)");
    MonitorReport r = m.stop(StopReason.BUDGET_EXCEEDED);
    assertThat(r.cost()).isEqualTo(2.5);
    assertThat(r.events()).isEqualTo(2);
    assertThat(r.samples()).isZero();
  }

  @Test
  void memoryIsCheckedOnlyWhileTheTreeIsAlive() throws IOException {
    RunMonitor m = monitor(512 * MB, 10, null, null);
    treeBytes.set(-1);
    m.tick();
    treeBytes.set(400 * MB);
    m.tick();
    assertThat(told).isEmpty();
    treeBytes.set(700 * MB);
    m.tick();
    assertThat(told).extracting(Violation::reason).containsExactly(StopReason.MEMORY_LIMIT);
    MonitorReport r = m.stop(StopReason.MEMORY_LIMIT);
    assertThat(r.peakMemoryBytes()).isEqualTo(700 * MB);
    assertThat(r.samples()).isEqualTo(2);
  }

  @Test
  void stopReadsTheSourcesOnceMoreAndWritesWhyTheRunStopped() throws IOException {
    Path csv = dir.resolve("costs.csv");
    RunMonitor m = monitor(null, 10, null, new CostFile(csv, "cumulative_usd", null));
    Files.writeString(
        dir.resolve("child-events.jsonl"),
        "{\"event\":\"stage\",\"stage\":\"research\",\"cost\":0.5}\n");
    m.tick();
    Files.writeString(csv, "step,cumulative_usd\nscript,1.25\n");
    MonitorReport r = m.stop(StopReason.DEADLINE);
    assertThat(r.cost()).isEqualTo(1.25);
    assertThat(r.costSource()).isEqualTo("cost file costs.csv");
    assertThat(r.violation()).isNull();
    List<String> lines = Files.readAllLines(dir.resolve("events.jsonl"));
    JsonNode last = new ObjectMapper().readTree(lines.get(lines.size() - 1));
    assertThat(last.get("kind").asText()).isEqualTo("state");
    assertThat(last.get("state").asText()).isEqualTo("deadline");
  }
}
