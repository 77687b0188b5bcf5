package prodbridge.monitor;

import java.time.Duration;

/**
 * What the monitor enforces. {@code memoryLimitBytes} and {@code stallTimeout} are null when off; {@code budget} is
 * the run's cost budget in USD.
 */
public record MonitorLimits(Duration interval, Long memoryLimitBytes, double budget, Duration stallTimeout) {}
