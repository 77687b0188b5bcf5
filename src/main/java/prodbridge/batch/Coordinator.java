package prodbridge.batch;

import java.io.IOException;
import java.time.Instant;
import prodbridge.runs.ResultJson;
import prodbridge.runs.RunFiles;
import prodbridge.runs.RunStore;
import prodbridge.supervise.ProcessTree;

/**
 * {@code coordinator.json}: the process running the batch's latest session (pid and start ticks, so
 * a reused pid is never mistaken for it), where, with which executor and Slurm job, and how the
 * session ended ({@code outcome} is null while it runs: finished or cancelled).
 */
public record Coordinator(
    long pid,
    long startTicks,
    String host,
    String executor,
    String slurmJobId,
    Instant startedAt,
    Instant endedAt,
    String outcome) {

  static Coordinator now(String executor) {
    long self = ProcessHandle.current().pid();
    return new Coordinator(
        self,
        ProcessTree.startTicksOf(self),
        Host.name(),
        executor,
        null,
        Instant.now(),
        null,
        null);
  }

  Coordinator withSlurmJob(String id) {
    return new Coordinator(pid, startTicks, host, executor, id, startedAt, endedAt, outcome);
  }

  Coordinator ended(String how) {
    return new Coordinator(
        pid, startTicks, host, executor, slurmJobId, startedAt, Instant.now(), how);
  }

  /**
   * True while the session's process lives (on this host; another host's coordinator is taken as
   * alive).
   */
  boolean alive() {
    if (endedAt != null) {
      return false;
    }
    return !Host.name().equals(host) || ProcessTree.isAlive(pid, startTicks);
  }

  void write(BatchDir dir) throws IOException {
    RunFiles.writeAtomically(dir.coordinator(), ResultJson.write(this));
  }

  static Coordinator read(BatchDir dir) {
    return RunStore.read(dir.coordinator(), Coordinator.class);
  }
}
