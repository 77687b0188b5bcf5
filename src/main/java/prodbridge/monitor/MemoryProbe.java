package prodbridge.monitor;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Resident memory of processes, read with OSHI's JNA-free Linux provider. Its first use is slow (about 0.2 s), so it
 * is started in the background as soon as a run is planned, and only the monitor's own thread ever waits for it.
 */
public final class MemoryProbe {
  private static final CompletableFuture<OperatingSystem> OS =
      CompletableFuture.supplyAsync(() -> new oshi.nativefree.SystemInfo().getOperatingSystem());

  private MemoryProbe() {}

  /** Starts OSHI's initialisation if it has not started yet; returns at once. */
  public static void warmUp() {
    OS.isDone();
  }

  /** The sum of the resident memory of {@code pids}, in bytes; processes that are gone count as zero. */
  static long residentBytes(List<Long> pids) {
    OperatingSystem os = OS.join();
    long sum = 0;
    for (long pid : pids) {
      OSProcess p = os.getProcess((int) pid);
      if (p != null) {
        sum += p.getResidentMemory();
      }
    }
    return sum;
  }
}
