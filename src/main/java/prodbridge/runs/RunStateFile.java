package prodbridge.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import prodbridge.monitor.Snapshot;
import prodbridge.supervise.ProcessTree;

/**
 * Keeps {@code state.json} current for one run: written at the start, on every monitor sample, when
 * a child starts, on a heartbeat every second (also between attempts), and at the end. Each write
 * replaces the file by rename, so a reader never sees half a state.
 */
final class RunStateFile implements AutoCloseable {
  static final long HEARTBEAT_MILLIS = 1000;

  private final Path file;
  private final ScheduledExecutorService heartbeat =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "prod-bridge-heartbeat");
            t.setDaemon(true);
            return t;
          });
  private final java.util.function.Consumer<StoreFailure> onStoreFailure;
  private RunState state;
  private boolean closed;
  private boolean failed;
  private java.nio.file.FileStore store;

  /**
   * {@code onStoreFailure} is told once when a write fails because the store is full or read-only.
   */
  RunStateFile(
      RunPlan plan, boolean detached, java.util.function.Consumer<StoreFailure> onStoreFailure) {
    this.file = plan.files().state();
    this.onStoreFailure = onStoreFailure;
    long self = ProcessHandle.current().pid();
    this.state = initial(plan, detached, self, ProcessTree.startTicksOf(self));
  }

  /**
   * The state a detaching bridge writes before its supervisor exists: supervisor pid 0, meaning
   * "starting"; the supervisor replaces it within a second, and a start that never happens reads as
   * lost after {@link RunStore#STARTING_PATIENCE}.
   */
  static void writeStarting(RunPlan plan) throws IOException {
    RunFiles.writeAtomically(plan.files().state(), ResultJson.write(initial(plan, true, 0, 0)));
  }

  private static RunState initial(RunPlan plan, boolean detached, long pid, long startTicks) {
    Instant now = Instant.now();
    return RunState.builder()
        .run(plan.runId(), plan.command(), plan.topic(), plan.episodeId())
        .status(RunState.RUNNING)
        .detached(detached)
        .supervisor(pid, startTicks)
        .marker(ProcessTree.MARKER_VARIABLE + "=" + plan.runId())
        .limits(plan.profile().budget(), plan.profile().qualityThreshold())
        .startedAt(now)
        .heartbeat(now)
        .runDir(plan.runDir().toString())
        .bootId(BootClock.bootId())
        .heartbeatMonotonicNs(BootClock.monotonicNanos())
        .build();
  }

  void start() {
    write();
    heartbeat.scheduleWithFixedDelay(
        this::beat, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
  }

  synchronized void childStarted(ProcessTree tree, int attempt) {
    state = state.withChild(tree.leaderPid(), tree.leaderStartTicks(), attempt);
    write();
  }

  /**
   * The latest figures; {@code spentBefore} is what earlier attempts cost, so the state shows the
   * run's total.
   */
  synchronized void sampled(Snapshot s, double spentBefore) {
    Double cost =
        s.cost() != null
            ? Double.valueOf(s.cost() + spentBefore)
            : spentBefore > 0 ? Double.valueOf(spentBefore) : null;
    state =
        state.withFigures(s.stage(), s.progress(), cost, Math.round(s.memoryBytes() / 1048576.0));
  }

  /** Writes the final state; throws when even that cannot be written. */
  synchronized void finished(RunResult result) throws IOException {
    state =
        state
            .withFigures(state.stage(), state.progress(), result.finalCost(), result.peakMemoryMb())
            .ended(result.status().json(), Instant.now());
    closed = true;
    RunFiles.writeAtomically(file, ResultJson.write(state));
  }

  private synchronized void beat() {
    if (!closed) {
      state = state.beating(Instant.now());
      write();
      checkSpace();
    }
  }

  /**
   * A file system with less free space than the run's reserve is full for the run's logs (the child
   * blocks or its output is lost), even while replacing this small file still succeeds.
   */
  private void checkSpace() {
    try {
      if (store == null) {
        store = Files.getFileStore(file);
      }
      if (!failed && store.getUsableSpace() < SpaceReserve.BYTES) {
        failed = true;
        onStoreFailure.accept(
            StoreFailure.of(
                "write the run's logs in",
                file.getParent(),
                new IOException("No space left on device")));
      }
    } catch (IOException e) {
      // an unreadable file system size is no evidence of a full one
    }
  }

  private void write() {
    try {
      RunFiles.writeAtomically(file, ResultJson.write(state));
    } catch (IOException e) {
      // a passing failure is tried again on the next beat; a store that cannot take writes ends the
      // run
      if (StoreFailure.unwritable(e) && !failed) {
        failed = true;
        onStoreFailure.accept(StoreFailure.of("write the run's state", file, e));
      }
    }
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
  }
}
