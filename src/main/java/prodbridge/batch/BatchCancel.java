package prodbridge.batch;

import java.io.IOException;
import java.time.Duration;
import prodbridge.supervise.ProcessTree;

/**
 * Stops a batch from outside: SIGTERM to its coordinator (which cancels the running jobs, waits for
 * their records and writes the summary), and {@code scancel} for a Slurm batch, whose tasks then
 * cancel their runs.
 */
public final class BatchCancel {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private BatchCancel() {}

  /** Returns what was done, in a sentence. */
  public static String cancel(BatchDir dir, SlurmCli slurm)
      throws IOException, InterruptedException {
    Coordinator c = Coordinator.read(dir);
    if (c == null) {
      return "batch " + dir.path() + " has never run";
    }
    StringBuilder done = new StringBuilder();
    if (c.slurmJobId() != null && c.endedAt() == null) {
      slurm.require("scancel", c.slurmJobId());
      done.append("scancel ").append(c.slurmJobId()).append("; ");
    }
    if (c.alive() && Host.name().equals(c.host())) {
      ProcessHandle.of(c.pid()).ifPresent(ProcessHandle::destroy);
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (ProcessTree.isAlive(c.pid(), c.startTicks()) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      done.append(
          ProcessTree.isAlive(c.pid(), c.startTicks())
              ? "the coordinator (pid "
                  + c.pid()
                  + ") has not ended after "
                  + PATIENCE.toSeconds()
                  + " s"
              : "the coordinator (pid " + c.pid() + ") cancelled its running jobs and ended");
    } else if (c.alive()) {
      done.append("the coordinator runs on ").append(c.host()).append(": cancel it there");
    } else {
      done.append("no coordinator is running");
    }
    return done.toString();
  }
}
