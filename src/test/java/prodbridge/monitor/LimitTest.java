package prodbridge.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import prodbridge.supervise.StopReason;

class LimitTest {
  private static final long MB = 1024 * 1024;

  /** The figures of one moment, set by hand: the clock is whatever the test says. */
  record Figures(
      long nanoTime, long treeBytes, long lastSignOfLifeNanos, Double cost, String costSource)
      implements Gauges {
    @Override
    public int files() {
      return 0;
    }
  }

  @Test
  void memoryIsCrossedOnlyAboveTheLimitAndSaysBothFigures() {
    MemoryLimit limit = new MemoryLimit(512 * MB);
    assertThat(limit.onSample(new Figures(0, 512 * MB, 0, null, null))).isNull();
    Violation v = limit.onSample(new Figures(0, 600 * MB, 0, null, null));
    assertThat(v.reason()).isEqualTo(StopReason.MEMORY_LIMIT);
    assertThat(v.message())
        .isEqualTo("memory of the process tree reached 600 MB, over the 512 MB limit");
    assertThat(limit.onCost(new Figures(0, 600 * MB, 0, 1.0, "progress events")))
        .as("not a cost limit")
        .isNull();
  }

  @Test
  void stallCountsFromTheLatestSignOfLifeOnTheGivenClock() {
    StallLimit limit = new StallLimit(Duration.ofSeconds(5));
    long lifeAt = 1_000_000_000L;
    assertThat(limit.onSample(new Figures(lifeAt + 5_000_000_000L, MB, lifeAt, null, null)))
        .isNull();
    Violation v = limit.onSample(new Figures(lifeAt + 6_500_000_000L, MB, lifeAt, null, null));
    assertThat(v.reason()).isEqualTo(StopReason.STALLED);
    assertThat(v.message())
        .isEqualTo("no output, event or file change for 6.5s (stall timeout 5.0s)");
  }

  @Test
  void budgetIsCheckedWhenACostIsReadAndNamesItsSource() {
    BudgetLimit limit = new BudgetLimit(2.0);
    assertThat(limit.onCost(new Figures(0, 0, 0, null, null))).as("no cost yet").isNull();
    assertThat(limit.onCost(new Figures(0, 0, 0, 2.0, "progress events")))
        .as("at the budget")
        .isNull();
    Violation v = limit.onCost(new Figures(0, 0, 0, 2.5, "cost file costs.csv"));
    assertThat(v.reason()).isEqualTo(StopReason.BUDGET_EXCEEDED);
    assertThat(v.message())
        .isEqualTo("cost reached $2.50, over the $2.00 budget (from cost file costs.csv)");
    assertThat(limit.onSample(new Figures(0, 0, 0, 2.5, "x")))
        .as("acted on at the reading")
        .isNull();
  }

  @Test
  void theLimitsThatAreOnComeInTheOrderTheyAreChecked() {
    MonitorLimits budgetOnly = MonitorLimits.of(Duration.ofSeconds(1), 3.0);
    assertThat(budgetOnly.parts()).containsExactly(new BudgetLimit(3.0));
    assertThat(budgetOnly.withStallTimeout(Duration.ofMinutes(1)).withMemoryLimit(100 * MB).parts())
        .containsExactly(
            new MemoryLimit(100 * MB), new StallLimit(Duration.ofMinutes(1)), new BudgetLimit(3.0));
  }
}
