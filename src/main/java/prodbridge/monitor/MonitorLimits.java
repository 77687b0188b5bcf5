package prodbridge.monitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the monitor enforces. {@code memoryLimitBytes} and {@code stallTimeout} are null when off;
 * {@code budget} is the run's cost budget in USD. Built with {@link #of} and the {@code with}
 * methods, so a new limit's setting is one more component here and changes no caller that does not
 * set it.
 */
public record MonitorLimits(
    Duration interval, Long memoryLimitBytes, double budget, Duration stallTimeout) {

  /** Sampling every {@code interval} under {@code budget} USD, with every optional limit off. */
  public static MonitorLimits of(Duration interval, double budget) {
    return new MonitorLimits(interval, null, budget, null);
  }

  /** The same with the tree's memory limit set ({@code bytes} null: off). */
  public MonitorLimits withMemoryLimit(Long bytes) {
    return new MonitorLimits(interval, bytes, budget, stallTimeout);
  }

  /** The same with the stall timeout set ({@code timeout} null: off). */
  public MonitorLimits withStallTimeout(Duration timeout) {
    return new MonitorLimits(interval, memoryLimitBytes, budget, timeout);
  }

  /** The limits that are on, in the order they are checked. */
  List<Limit> parts() {
    List<Limit> on = new ArrayList<>(3);
    if (memoryLimitBytes != null) {
      on.add(new MemoryLimit(memoryLimitBytes));
    }
    if (stallTimeout != null) {
      on.add(new StallLimit(stallTimeout));
    }
    on.add(new BudgetLimit(budget));
    return on;
  }
}
