package prodbridge.supervise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.StartedProcess;

/**
 * Runs one child under a deadline and ends its whole tree when it is done, whatever the child did:
 * exited with descendants still running, ignored SIGTERM, double-forked, or held the output pipes
 * open. One instance per run. There is no shell in between: the child is exec'd through util-linux
 * {@code setsid} so it leads a new session.
 */
public final class Supervisor {
  private static final Logger log = LoggerFactory.getLogger(Supervisor.class);
  static final int STDOUT_TAIL_BYTES = 256 * 1024;
  static final int STDERR_TAIL_BYTES = 16 * 1024;
  private static final Duration PIPE_DRAIN = Duration.ofSeconds(2);

  private final StopArbiter arbiter = new StopArbiter();
  private volatile ProcessTree tree;
  private volatile java.util.function.LongSupplier lastOutput = System::nanoTime;
  private volatile java.util.function.Supplier<LogFailure> logFailure = () -> null;

  /**
   * Why a log file lost bytes so far (disk full, I/O error), or null while both logs have every
   * byte.
   */
  public LogFailure logFailure() {
    return logFailure.get();
  }

  private volatile java.util.function.IntConsumer childExit = code -> {};

  /**
   * Tells {@code listener} the child's exit code the moment it exits, before its tree is ended, on
   * the JDK's process reaper thread (so it must be quick), so the exit can be put on disk before
   * anything else happens.
   */
  public void onChildExit(java.util.function.IntConsumer listener) {
    this.childExit = listener;
  }

  /**
   * When the child last wrote a byte to stdout or stderr (System.nanoTime()); now, before it
   * starts.
   */
  public long lastOutputNanos() {
    return lastOutput.getAsLong();
  }

  /**
   * Asks a running supervision to end the tree for {@code reason}. The first event wins: a request
   * that comes after the child exited, or after another request, changes nothing but a repeated
   * cancel hurries the tree's end.
   */
  public void requestStop(StopReason reason) {
    if (!arbiter.request(reason)) {
      ProcessTree t = tree;
      if (t != null && reason == StopReason.CANCELLED) {
        t.hurry();
      }
    }
  }

  /** SIGKILLs whatever is left of the tree at once; for a bridge that is being torn down itself. */
  public void killNow() {
    ProcessTree t = tree;
    if (t != null) {
      t.kill();
    }
  }

  /** Launches the child and blocks until it and every process of its tree are gone. */
  public Outcome run(LaunchSpec spec) throws IOException {
    return run(spec, tree -> {});
  }

  /**
   * As {@link #run(LaunchSpec)}, telling {@code onLaunch} the child's tree once it runs (on this
   * thread, before waiting), so a monitor can watch it.
   */
  public Outcome run(LaunchSpec spec, java.util.function.Consumer<ProcessTree> onLaunch)
      throws IOException {
    Instant startedAt = Instant.now();
    long t0 = System.nanoTime();
    LogSink out =
        new LogSink(spec.stdoutLog(), STDOUT_TAIL_BYTES, spec.stdoutLines(), spec.scrub());
    LogSink err = new LogSink(spec.stderrLog(), STDERR_TAIL_BYTES, null, spec.scrub());
    try (out;
        err) {
      lastOutput = () -> Math.max(out.lastWriteNanos(), err.lastWriteNanos());
      logFailure = () -> out.failure() != null ? out.failure() : err.failure();
      StartedProcess started;
      try {
        started = executor(spec, out, err).start();
      } catch (IOException | IllegalStateException e) {
        return Outcome.launchFailed(
            startedAt, "cannot start " + spec.argv().get(0) + ": " + rootMessage(e));
      }
      Process process = started.getProcess();
      tree = new ProcessTree(process.pid(), spec.runId());
      log.info("run {} started pid {}: {}", spec.runId(), process.pid(), spec.argv());
      arbiter.attach(process, tree);
      onLaunch.accept(tree);
      process
          .onExit()
          .thenRun(
              () -> {
                try {
                  childExit.accept(process.exitValue());
                } catch (RuntimeException e) {
                  log.warn("recording the child's exit failed: {}", e.toString());
                }
              });

      StopReason first = arbiter.await(spec.timeout());
      TreeStop treeStop = tree.terminate(spec.grace());
      int exitCode = awaitExit(process);
      StopReason reason = arbiter.settle(exitCode);
      if (reason != first) {
        log.info(
            "run {} exited by itself ({}) before the {} took hold", spec.runId(), exitCode, first);
      }
      drainPipes(started);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
      log.info(
          "run {} ended: {} exit {} after {} ({})",
          spec.runId(),
          reason,
          exitCode,
          elapsed,
          treeStop);
      return new Outcome(
          reason,
          process.pid(),
          exitCode,
          Outcome.signalOf(exitCode),
          startedAt,
          elapsed,
          out.tail(),
          err.tail(),
          out.totalBytes(),
          err.totalBytes(),
          treeStop,
          null,
          out.failure() != null ? out.failure() : err.failure());
    }
  }

  private static int awaitExit(Process process) {
    boolean interrupted = false;
    while (true) {
      try {
        int code = process.waitFor();
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        return code;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
  }

  /**
   * The tree is gone, so the pipes are closed; the wait is bounded in case something escaped the
   * marker.
   */
  private static void drainPipes(StartedProcess started) {
    try {
      started.getFuture().get(PIPE_DRAIN.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("child output still open {} after the tree ended; logs may be cut", PIPE_DRAIN);
      started.getFuture().cancel(true);
    } catch (ExecutionException e) {
      log.debug("output pumps ended with {}", e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ProcessExecutor executor(LaunchSpec spec, LogSink out, LogSink err) {
    List<String> command = new ArrayList<>();
    command.add(SetsidLocator.path());
    command.addAll(spec.argv());
    ProcessExecutor executor =
        new ProcessExecutor()
            .command(command)
            .directory(spec.workingDir().toFile())
            .redirectErrorStream(false)
            .streams(new OutputPumps(out, err, InputStreamOfNothing.INSTANCE))
            .closeTimeout(PIPE_DRAIN.toMillis(), TimeUnit.MILLISECONDS);
    // zt-exec layers these over the JVM's own environment; a null value removes an inherited
    // variable.
    Map<String, String> env = new java.util.HashMap<>();
    System.getenv().keySet().forEach(name -> env.put(name, null));
    env.putAll(spec.environment());
    env.put(ProcessTree.MARKER_VARIABLE, spec.runId());
    return executor.environment(env);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  /** Finds util-linux setsid once. */
  static final class SetsidLocator {
    private static final String PATH = locate();

    static String path() {
      if (PATH == null) {
        throw new IllegalStateException("setsid (util-linux) not found in /usr/bin or /bin");
      }
      return PATH;
    }

    private static String locate() {
      for (String candidate : new String[] {"/usr/bin/setsid", "/bin/setsid"}) {
        if (Files.isExecutable(Path.of(candidate))) {
          return candidate;
        }
      }
      return null;
    }
  }
}
