package prodbridge.monitor;

/**
 * The run as the monitor sees it at one moment. {@code stage}, {@code progress} and {@code cost}
 * are null until the child says them; {@code memoryLimitBytes} is null when there is no limit.
 */
public record Snapshot(
    double elapsedSeconds,
    String stage,
    Integer progress,
    Double cost,
    double budget,
    long memoryBytes,
    Long memoryLimitBytes,
    int files) {}
