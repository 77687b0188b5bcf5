package prodbridge.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The clock heartbeats are compared on across processes: Linux's CLOCK_MONOTONIC (what the JDK's
 * {@code System.nanoTime()} reads there), which is shared by every process of one boot and stands
 * still while the machine sleeps, so a supervisor is never judged hung for the time the machine was
 * suspended. Readings are only comparable within one boot, which {@link #bootId()} names.
 */
final class BootClock {
  private static final String BOOT_ID = readBootId();

  private BootClock() {}

  static long monotonicNanos() {
    return System.nanoTime();
  }

  /**
   * The kernel's id of this boot; "unknown" when it cannot be read (then no comparison is made).
   */
  static String bootId() {
    return BOOT_ID;
  }

  private static String readBootId() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
