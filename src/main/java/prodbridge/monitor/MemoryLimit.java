package prodbridge.monitor;

import java.util.Locale;
import prodbridge.supervise.StopReason;

/** The whole process tree's resident memory must stay at or under {@code bytes}. */
record MemoryLimit(long bytes) implements Limit {
  @Override
  public Violation onSample(Gauges now) {
    long used = now.treeBytes();
    return used <= bytes
        ? null
        : new Violation(
            StopReason.MEMORY_LIMIT,
            String.format(
                Locale.ROOT,
                "memory of the process tree reached %s, over the %s limit",
                mb(used),
                mb(bytes)));
  }

  static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
  }
}
