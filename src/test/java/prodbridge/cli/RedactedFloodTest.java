package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
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
 * A flood in which every line holds a secret goes through the redactor on its way to disk, keeping
 * no more heap than a flood that needs no redaction. Each such line is rewritten as a string, so
 * the heap in use (garbage included) climbs to the collector's young generation: what is bounded,
 * and asserted, is the heap kept after collections.
 */
@ExtendWith(NoLeftoverProcesses.class)
class RedactedFloodTest {
  private static final long FLOOD_BYTES = 96L << 20;

  /**
   * 96 MB of key-bearing log lines, and every thousand of them one 300 KB line with a key in its
   * last piece.
   */
  private static final String FLOOD_OF_SECRETS =
      String.join(
          "\n",
          "import sys",
          "out = sys.stdout.buffer",
          "line = b'2026-12-06 INFO calling with Authorization: Bearer abcdefSECRETSECRET0123456789'"
              + " b' and ANTHROPIC_API_KEY=sk-ant-api03-SECRETSECRET123\\n'",
          "block = line * 1000",
          "long = b'x-token: ' + b'y' * (300 * 1024) + b' sk-ant-api03-SECRETSECRET456 end\\n'",
          "total = 0",
          "while total < " + FLOOD_BYTES + ":",
          "    out.write(block)",
          "    out.write(long)",
          "    total += len(block) + len(long)",
          "out.write(b'last line\\n')");

  @TempDir Path dir;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final AtomicLong peakHeap = new AtomicLong();
  private final AtomicLong peakKept = new AtomicLong();

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(g -> g.getCollectionCount())
        .sum();
  }

  /**
   * The heap each pool held after its last collection, summed: what is kept, without garbage not
   * yet collected.
   */
  private static long heapKept() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null)
        .mapToLong(p -> p.getCollectionUsage().getUsed())
        .sum();
  }

  @Test
  void aFloodOfSecretsIsRedactedOnItsWayToTheLogWithTheHeapBounded() throws Exception {
    System.gc();
    long baseline = heapUsed();
    long keptBaseline = heapKept();
    long collectionsBefore = collections();
    timer.scheduleAtFixedRate(
        () -> {
          peakHeap.accumulateAndGet(heapUsed(), Math::max);
          peakKept.accumulateAndGet(heapKept(), Math::max);
        },
        0,
        20,
        TimeUnit.MILLISECONDS);
    CliRun run =
        new CliHarness(dir).run("run", "--timeout", "5m", "--", "python3", "-c", FLOOD_OF_SECRETS);

    assertThat(run.exitCode()).as(run.stdout()).isZero();
    JsonNode r = run.json();
    assertThat(run.stdout()).doesNotContain("SECRETSECRET");
    Path log = Path.of(r.get("logs").get("stdout").asText());
    long lines = 0;
    long redacted = 0;
    long leaking = 0;
    String last = null;
    try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      for (String l = in.readLine(); l != null; l = in.readLine()) {
        lines++;
        redacted += l.contains("[REDACTED]") ? 1 : 0;
        leaking += l.contains("SECRETSECRET") ? 1 : 0;
        last = l;
      }
    }
    assertThat(leaking).as("lines of the log that still hold a key").isZero();
    assertThat(last).isEqualTo("last line");
    assertThat(redacted).as("every line but the last held a key").isEqualTo(lines - 1);
    assertThat(Files.size(log))
        .as("the flood reached the log, redacted")
        .isGreaterThan(FLOOD_BYTES * 3 / 4);
    assertThat(collections() - collectionsBefore)
        .as("collections during the flood, so what is kept was measured")
        .isPositive();
    assertThat(peakKept.get() - keptBaseline)
        .as(
            "growth of the heap kept after each collection while the flood went"
                + " through the redactor (the heap in use, its uncollected garbage included, peaked "
                + ((peakHeap.get() - baseline) >> 20)
                + " MB above its start)")
        .isLessThan(64L << 20);
  }
}
