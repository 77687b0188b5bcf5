package prodbridge.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import prodbridge.testing.Bridge;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * What supervising a run costs the machine: the bridge process's CPU time (user + system, from
 * /proc) over a steady-state window while it watches a tree of idle processes, as a share of one
 * core. Not part of the default test run; run it with {@code mvn -B test -Dgroups=benchmark
 * -DexcludedGroups=none}. Figures go to {@code target/benchmark-supervision-cost.txt}.
 */
@Tag("benchmark")
@ExtendWith(NoLeftoverProcesses.class)
class SupervisionCostBenchmark {
  private static final int WARM_UP_SECONDS = 10;
  private static final int WINDOW_SECONDS = 30;
  private static final double TICKS_PER_SECOND = 100.0;

  @TempDir Path dir;

  @ParameterizedTest(name = "interval {0}, {1} idle processes")
  @CsvSource({"1s, 1", "1s, 20", "250ms, 20"})
  void cpuShareOfOneCore(String interval, int processes) throws Exception {
    String tree = "for i in $(seq " + (processes - 1) + "); do sleep 120 & done; sleep 120";
    Process bridge =
        Bridge.command(
                dir,
                "run",
                "--monitor-interval",
                interval,
                "--grace",
                "1s",
                "--",
                "bash",
                "-c",
                tree)
            .redirectOutput(dir.resolve("out.json").toFile())
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    try {
      Thread.sleep(WARM_UP_SECONDS * 1000L);
      long before = cpuTicks(bridge.pid());
      long t0 = System.nanoTime();
      Thread.sleep(WINDOW_SECONDS * 1000L);
      long after = cpuTicks(bridge.pid());
      double seconds = (System.nanoTime() - t0) / 1e9;
      double share = (after - before) / TICKS_PER_SECOND / seconds * 100;
      String line =
          String.format(
              Locale.ROOT,
              "interval %s, %d idle processes: %.2f %% of one core (%.2f s CPU in %.0f s)%n",
              interval,
              processes,
              share,
              (after - before) / TICKS_PER_SECOND,
              seconds);
      Files.writeString(
          Path.of("target/benchmark-supervision-cost.txt"),
          line,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      System.out.print(line);
      assertThat(share).as("generous bound; the figure itself is in the file").isLessThan(10.0);
    } finally {
      new ProcessBuilder("kill", "-TERM", String.valueOf(bridge.pid())).start().waitFor();
      bridge.waitFor(20, TimeUnit.SECONDS);
      bridge.destroyForcibly();
    }
  }

  private static long cpuTicks(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }
}
