package prodbridge.batch;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The batch's admission rules, one set for the local coordinator and for Slurm array tasks: max
 * failures, then the total budget, then memory. A job starts only if fewer than max-failures jobs
 * failed in this session; if what was spent, plus the budgets of the runs still going, plus its own
 * stay within the total budget (never, if spent plus its own already pass it); and if available
 * memory covers its memory limit beyond what running jobs may still grow into (never, if the limit
 * is more than the machine has, or if memory stayed short for {@link #MEMORY_PATIENCE} with nothing
 * of the batch running, so a job that cannot fit does not hold the batch for ever).
 */
final class AdmissionRules {
  static final Duration MEMORY_PATIENCE = Duration.ofMinutes(10);
  private static final double CENT_FRACTION = 1e-9;

  private final BatchManifest manifest;
  private final long totalMemoryBytes;

  /**
   * {@code totalMemoryBytes} is what the machine has (0 when unknown: no memory rule can say never
   * then).
   */
  AdmissionRules(BatchManifest manifest, long totalMemoryBytes) {
    this.manifest = manifest;
    this.totalMemoryBytes = totalMemoryBytes;
  }

  /**
   * What the batch looks like when a job asks to start. {@code availableMemory} is null where the
   * scheduler enforces memory itself (Slurm's --mem); {@code shortOfMemoryFor} is how long memory
   * has been too short for this job with nothing of the batch running (zero otherwise).
   */
  record Load(
      long sessionFailures,
      double spent,
      double inFlightBudget,
      int running,
      Long availableMemory,
      long reservedMemory,
      Duration shortOfMemoryFor) {}

  Admission judge(BatchJob job, Load load) {
    if (manifest.maxFailures() != null && load.sessionFailures() >= manifest.maxFailures()) {
      return Admission.never(
          "max failures: "
              + load.sessionFailures()
              + " jobs failed (--max-failures "
              + manifest.maxFailures()
              + ")");
    }
    Double total = manifest.totalBudget();
    if (total != null) {
      if (load.spent() + job.budget() > total + CENT_FRACTION) {
        return Admission.never(
            String.format(
                Locale.ROOT,
                "total budget: $%.2f spent + this job's $%.2f would pass $%.2f",
                load.spent(),
                job.budget(),
                total));
      }
      if (load.spent() + load.inFlightBudget() + job.budget() > total + CENT_FRACTION) {
        return Admission.waitFor(
            "budget", Map.of("in_flight_budget", load.inFlightBudget(), "spent", load.spent()));
      }
    }
    Long need = job.memoryLimitBytes();
    if (need == null || load.availableMemory() == null) {
      return Admission.START;
    }
    if (totalMemoryBytes > 0 && need > totalMemoryBytes) {
      return Admission.never(
          "memory: the job's limit ("
              + (need >> 20)
              + " MB) is more than this machine has ("
              + (totalMemoryBytes >> 20)
              + " MB)");
    }
    if (load.availableMemory() - load.reservedMemory() >= need) {
      return Admission.START;
    }
    if (load.running() == 0 && load.shortOfMemoryFor().compareTo(MEMORY_PATIENCE) >= 0) {
      return Admission.never(
          "memory: "
              + (load.availableMemory() >> 20)
              + " MB available for "
              + (need >> 20)
              + " MB needed, with no job of the batch running, for "
              + MEMORY_PATIENCE.toMinutes()
              + " minutes");
    }
    return Admission.waitFor(
        "memory",
        Map.of(
            "needed_mb",
            need >> 20,
            "available_mb",
            load.availableMemory() >> 20,
            "reserved_for_running_mb",
            load.reservedMemory() >> 20));
  }
}
