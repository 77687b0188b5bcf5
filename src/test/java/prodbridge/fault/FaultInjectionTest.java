package prodbridge.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * Randomized fault injection against real bridge processes: each trial injects one kind of fault
 * (see {@link FaultKind}) and counts what broke: survivors, lost results, stuck states, stack
 * traces. Seeded; the seed is printed, and {@code -Dfault.seed=N} replays a run. CI runs each
 * eligible kind once; a longer campaign is {@code mvn -B test -Dtest=FaultInjectionTest
 * -Dfault.trials=500}; {@code -Dfault.kinds=a,b} picks kinds. The table goes to stderr and {@code
 * target/fault-injection.md}.
 */
@Tag("fault")
@ExtendWith(NoLeftoverProcesses.class)
class FaultInjectionTest {
  @TempDir Path dir;

  @Test
  void everyTrialEndsInOneHonestStateWithNothingLeftRunning() throws Exception {
    long seed = Long.getLong("fault.seed", System.nanoTime());
    System.err.println(
        "FaultInjectionTest seed " + seed + " (replay with -Dfault.seed=" + seed + ")");
    Random random = new Random(seed);
    List<FaultKind> kinds = eligibleKinds();
    int trials = Integer.getInteger("fault.trials", kinds.size());
    List<FaultKind> order = new ArrayList<>();
    while (order.size() < trials) {
      List<FaultKind> round = new ArrayList<>(kinds);
      Collections.shuffle(round, random);
      order.addAll(round.subList(0, Math.min(round.size(), trials - order.size())));
    }
    List<TrialResult> results = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      long trialSeed = random.nextLong();
      TrialResult r =
          FaultTrials.run(order.get(i), trialSeed, new TrialBench(dir.resolve("trial-" + i)));
      System.err.printf(Locale.ROOT, "trial %d %s: %s%n", i, order.get(i), r.passed() ? "ok" : r);
      results.add(r);
    }
    String table = FaultTable.markdown(results, seed);
    System.err.println(table);
    Files.writeString(Path.of("target", "fault-injection.md"), table + "\n");
    assertThat(results).allMatch(TrialResult::passed, "every trial passed (table above)");
  }

  /**
   * The kinds this machine can run: tmpfs kinds need root; kill -9 of a foreground bridge needs the
   * run keeper (nothing else ends its tree), so it runs only once the keeper is built in or when
   * asked for by name.
   */
  static List<FaultKind> eligibleKinds() {
    String named = System.getProperty("fault.kinds");
    if (named != null && !named.isBlank()) {
      return Arrays.stream(named.split(","))
          .map(s -> FaultKind.valueOf(s.strip().toUpperCase(Locale.ROOT)))
          .toList();
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    boolean keeper = keeperBuiltIn();
    return Arrays.stream(FaultKind.values())
        .filter(k -> (root || !k.needsRoot) && (keeper || !k.needsKeeper))
        .toList();
  }

  private static boolean keeperBuiltIn() {
    try {
      Class.forName("prodbridge.supervise.Keeper");
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
