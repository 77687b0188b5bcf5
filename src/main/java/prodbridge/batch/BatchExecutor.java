package prodbridge.batch;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Where a session's jobs run: {@link LocalBatch} supervises them all in this process, {@link
 * SlurmBatch} submits them as one job array whose tasks each run one job's supervisor. Both admit
 * jobs by the same {@link AdmissionRules}.
 */
public interface BatchExecutor {
  /**
   * Runs the session's jobs and returns once none is queued or running; {@code submitted} is told
   * the scheduler's job id when there is one. Jobs never started stay unrecorded.
   */
  void run(BatchProgress.Listener progress, Consumer<String> submitted)
      throws IOException, InterruptedException;

  /**
   * Stops starting jobs and cancels the running ones; a second call hurries them. Safe from a
   * signal handler.
   */
  void cancel();

  boolean cancelled();

  /**
   * What an executor may need from the machine: {@code bridge} starts this program again (keeper,
   * Slurm tasks), {@code env} is what jobs are planned with, {@code slurm} talks to the scheduler.
   */
  record Machine(
      List<String> bridge,
      Map<String, String> env,
      LongSupplier availableMemory,
      long totalMemory,
      SlurmCli slurm) {}

  /** The executor {@code plan}'s manifest names. */
  static BatchExecutor of(BatchPlan plan, Machine machine) {
    return switch (Executor.valueOf(
        plan.manifest().executor().toUpperCase(java.util.Locale.ROOT))) {
      case LOCAL -> new LocalBatch(plan, machine);
      case SLURM -> new SlurmBatch(plan, machine.slurm(), machine.bridge());
    };
  }
}
