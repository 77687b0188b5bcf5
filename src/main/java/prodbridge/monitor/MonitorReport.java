package prodbridge.monitor;

/**
 * What monitoring saw over the whole run. {@code peakMemoryBytes} is null when no sample was taken;
 * {@code cost} is the highest cumulative cost seen live (null when none), {@code costSource} where
 * it came from; {@code violation} is null when no limit was crossed; {@code cpuMillis} is what
 * monitoring itself cost.
 */
public record MonitorReport(
    Long peakMemoryBytes,
    Double cost,
    String costSource,
    Violation violation,
    int samples,
    int events,
    long cpuMillis) {}
