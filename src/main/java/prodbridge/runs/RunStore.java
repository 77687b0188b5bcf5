package prodbridge.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import prodbridge.config.UsageException;
import prodbridge.supervise.Keeper;
import prodbridge.supervise.ProcessTree;
import prodbridge.supervise.TreeStop;

/**
 * The runs under a runs root, one directory each, read back for {@code status}, {@code result},
 * {@code logs}, {@code cancel} and {@code runs}. Reading a run that claims to be running checks its
 * supervisor (pid and start time); when that is gone without a result, the run is declared lost,
 * whatever is left of its tree is ended, and a result saying so is written, so no run stays running
 * forever.
 */
public final class RunStore {
  private static final Duration LOST_TREE_GRACE = Duration.ofSeconds(2);

  /**
   * A live supervisor whose heartbeat is older than this (10 beats, monotonic time) is
   * unresponsive.
   */
  static final Duration UNRESPONSIVE_AFTER = Duration.ofMillis(10 * RunStateFile.HEARTBEAT_MILLIS);

  /** How long a detached run may take to start its supervisor before it reads as lost. */
  static final Duration STARTING_PATIENCE = Duration.ofSeconds(30);

  /**
   * How long a reader lets a dead supervisor's keeper finish: its grace period, up to 5 s of
   * SIGKILL, 1 s of late comers and the start of the JVM that records the run, with room for a
   * loaded machine.
   */
  static final Duration KEEPER_PATIENCE = Duration.ofSeconds(30);

  private final Path root;

  public RunStore(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** The directory of run {@code runId}; a usage error when there is no such run. */
  public Path dirOf(String runId) {
    RunId.validate(String.valueOf(runId));
    return places()
        .map(p -> p.resolve(runId))
        .filter(Files::isDirectory)
        .findFirst()
        .orElseThrow(
            () ->
                new UsageException(
                    "unknown run id "
                        + runId
                        + " (no such run in "
                        + root
                        + "); see prod-bridge runs"));
  }

  /**
   * Run directories, newest first (run ids begin with their start time), batch jobs' runs included.
   */
  public List<Path> recent(int limit) {
    return places()
        .flatMap(RunStore::children)
        .filter(d -> RunId.isRunId(d.getFileName().toString()) && Files.isDirectory(d))
        .sorted(Comparator.comparing((Path d) -> d.getFileName().toString()).reversed())
        .limit(limit)
        .toList();
  }

  /**
   * Where runs live: the root itself, and the {@code runs/} of every batch under {@code
   * <root>/batches/}.
   */
  private Stream<Path> places() {
    Stream<Path> batches =
        children(root.resolve("batches")).map(b -> b.resolve("runs")).filter(Files::isDirectory);
    return Stream.concat(Stream.of(root), batches.sorted());
  }

  private static Stream<Path> children(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Stream.empty();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.toList().stream();
    } catch (IOException e) {
      throw StoreFailure.of("read the runs root", dir, e);
    }
  }

  public Optional<Path> latest() {
    return recent(1).stream().findFirst();
  }

  /**
   * The run as it is now; a running run whose supervisor is gone is ended as lost first. While the
   * run's keeper lives (it is ending the tree and will record the run) it is given up to {@link
   * #KEEPER_PATIENCE} to finish, so the lost result counts what the keeper ended and no reap
   * outlives the answer; only then is the run ended here.
   */
  public RunView look(Path dir) {
    return look(dir, TreeStop.NOTHING, KEEPER_PATIENCE);
  }

  /**
   * As {@link #look(Path)}, for the run's keeper itself: counts in what it ended of the tree, waits
   * for nobody.
   */
  public RunView look(Path dir, TreeStop endedBefore) {
    return look(dir, endedBefore, Duration.ZERO);
  }

  private RunView look(Path dir, TreeStop endedBefore, Duration keeperPatience) {
    RunDir files = new RunDir(dir);
    RunResult result = read(files.result(), RunResult.class);
    RunState state = read(files.state(), RunState.class);
    String id = files.runId();
    if (result == null && state == null) {
      return new RunView(id, null, null, unreadable(dir));
    }
    if (result != null || !state.running()) {
      return new RunView(id, state, result);
    }
    if (supervised(state)) {
      return new RunView(id, state, null, unresponsive(state));
    }
    Keeper.awaitKeepersOf(dir, keeperPatience);
    RunResult late = read(files.result(), RunResult.class);
    if (late != null) {
      return new RunView(id, read(files.state(), RunState.class), late);
    }
    return LostRun.end(dir, state, LOST_TREE_GRACE, endedBefore);
  }

  /**
   * Stops run {@code dir}: SIGTERM to its supervisor, which ends the tree and writes a CANCELLED
   * result, waiting up to {@code patience} for it; a supervisor that is gone or does not finish in
   * time is replaced by this process, which ends the tree itself and writes the result.
   */
  public RunView cancel(Path dir, Duration patience) {
    RunDir files = new RunDir(dir);
    RunView now =
        new RunView(
            files.runId(),
            read(files.state(), RunState.class),
            read(files.result(), RunResult.class));
    if (now.ended() || now.state() == null) {
      return now;
    }
    RunState state = now.state();
    if (unresponsive(state) != null) {
      ProcessHandle.of(state.supervisorPid()).ifPresent(ProcessHandle::destroyForcibly);
    } else if (ProcessTree.isAlive(state.supervisorPid(), state.supervisorStartTicks())) {
      ProcessHandle.of(state.supervisorPid()).ifPresent(ProcessHandle::destroy);
      long deadline = System.nanoTime() + patience.toNanos();
      while (System.nanoTime() < deadline) {
        RunResult result = read(files.result(), RunResult.class);
        if (result != null) {
          return new RunView(now.runId(), read(files.state(), RunState.class), result);
        }
        pause(100);
      }
      if (ProcessTree.isAlive(state.supervisorPid(), state.supervisorStartTicks())) {
        ProcessHandle.of(state.supervisorPid()).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
    RunState latest =
        java.util.Objects.requireNonNullElse(read(files.state(), RunState.class), state);
    var stop =
        ProcessTree.ofRecordedRun(latest.childPid(), latest.childStartTicks(), latest.runId())
            .terminate(LOST_TREE_GRACE);
    return LostRun.finish(
        dir,
        latest,
        stop,
        RunStatus.CANCELLED,
        prodbridge.classify.ErrorType.CANCELLED,
        "cancelled; its supervisor did not end it itself",
        prodbridge.classify.ErrorType.CANCELLED.hint());
  }

  /**
   * An alert when the run's supervisor is alive but has not beaten its heartbeat for {@link
   * #UNRESPONSIVE_AFTER} of monotonic time (stopped, or starved of memory or CPU); null while it
   * beats or cannot be judged.
   */
  static RunView.Alert unresponsive(RunState state) {
    Duration silence = state.silence();
    if (silence == null
        || silence.compareTo(UNRESPONSIVE_AFTER) <= 0
        || state.supervisorPid() <= 0
        || !ProcessTree.isAlive(state.supervisorPid(), state.supervisorStartTicks())) {
      return null;
    }
    return new RunView.Alert(
        "unresponsive",
        "its supervisor (pid "
            + state.supervisorPid()
            + ") is alive but has not beaten its heartbeat for "
            + silence.toSeconds()
            + "s (last "
            + state.heartbeat()
            + ")",
        "The supervisor may be stopped (SIGSTOP, Ctrl-Z) or starved of memory or CPU; its run's processes may still"
            + " run and spend. Resume it with kill -CONT "
            + state.supervisorPid()
            + ", or end the run at once with"
            + " prod-bridge cancel "
            + state.runId()
            + ".");
  }

  /** Why a run directory has neither a readable state nor a result. */
  private static RunView.Alert unreadable(Path dir) {
    Path file = new RunDir(dir).state();
    String why =
        !Files.exists(file)
            ? "it has no " + file.getFileName() + " (its start failed, or it is starting)"
            : "its "
                + file.getFileName()
                + " cannot be read (torn, not JSON, or not readable): "
                + file;
    return new RunView.Alert(
        "unknown",
        why,
        "Look at the files in " + dir + "; a run that never started can be deleted.");
  }

  /**
   * True while the run's supervisor lives, or is still starting (a detached run's first second).
   */
  private static boolean supervised(RunState state) {
    if (state.supervisorPid() == 0) {
      return state.heartbeat().plus(STARTING_PATIENCE).isAfter(java.time.Instant.now());
    }
    return ProcessTree.isAlive(state.supervisorPid(), state.supervisorStartTicks());
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static <T> T read(Path file, Class<T> type) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return ResultJson.mapper().readValue(file.toFile(), type);
    } catch (IOException e) {
      return null;
    }
  }
}
