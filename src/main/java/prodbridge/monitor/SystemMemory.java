package prodbridge.monitor;

import java.util.concurrent.CompletableFuture;
import oshi.hardware.GlobalMemory;

/**
 * The machine's memory as OSHI reads it from /proc/meminfo: what is available now (MemAvailable)
 * and in all.
 */
public final class SystemMemory {
  private static final CompletableFuture<GlobalMemory> MEMORY =
      CompletableFuture.supplyAsync(
          () -> new oshi.nativefree.SystemInfo().getHardware().getMemory());

  private SystemMemory() {}

  public static long availableBytes() {
    return MEMORY.join().getAvailable();
  }

  public static long totalBytes() {
    return MEMORY.join().getTotal();
  }
}
