package prodbridge.monitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the monitor enforces. {@code memoryLimitBytes} and {@code stallTimeout} are null when off; {@code budget} is
 * the run's cost budget in USD.
 */
public record MonitorLimits(Duration interval, Long memoryLimitBytes, double budget, Duration stallTimeout) {

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
