package prodbridge.supervise;

/**
 * A log file that could not be written (disk full, I/O error): the first error's message, and how
 * many of the child's bytes were read from its pipe and dropped since, so the child never blocked
 * on the bridge.
 */
public record LogFailure(String log, String message, long droppedBytes) {}
