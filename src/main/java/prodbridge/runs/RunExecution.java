package prodbridge.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import prodbridge.classify.Classifier;
import prodbridge.classify.Redactor;
import prodbridge.config.DurationText;
import prodbridge.monitor.EventLog;
import prodbridge.monitor.ProgressListener;
import prodbridge.supervise.Keeper;
import prodbridge.supervise.ProcessTree;

/**
 * One run being carried out: creates its directories, then supervises attempts until one succeeds,
 * the failure is not retryable, the attempts are used up, or the budget left cannot pay for
 * another; writes and returns the result. {@link #cancel()} and {@link #abandon()} may be called
 * from any thread (a signal handler, a shutdown hook), also while waiting between attempts.
 */
public final class RunExecution {
  private static final Logger log = LoggerFactory.getLogger(RunExecution.class);

  private final RunPlan plan;
  private final ProgressListener progress;
  private final boolean detached;
  private final Classifier classifier;
  private final CountDownLatch cancelled = new CountDownLatch(1);
  private volatile Attempt current;
  private volatile StoreFailure storeFailure;
  private List<String> keeperBridge;
  private boolean recordExit;

  public RunExecution(RunPlan plan, ProgressListener progress) {
    this(plan, progress, false);
  }

  /** {@code detached} is recorded in the run's state: nobody waits on this process's stdout. */
  public RunExecution(RunPlan plan, ProgressListener progress, boolean detached) {
    this.plan = plan;
    this.progress = progress;
    this.detached = detached;
    this.classifier = new Classifier(plan.errorRules());
  }

  /**
   * Gives the run a {@link Keeper}: if this process dies before the run ends, the keeper ends the
   * run's tree and starts {@code bridge reap RUN_DIR}, which records the run as lost. Without it (a
   * batch job, whose coordinator keeps the whole batch) nothing outside this process watches it.
   */
  public RunExecution keptBy(List<String> bridge) {
    this.keeperBridge = List.copyOf(bridge);
    return this;
  }

  /**
   * Runs each attempt's child under a small shell that writes its exit code into the run directory,
   * so a child that finished by itself is known to have even when this process dies before it could
   * see the exit (a batch job, whose coordinator's death must not make a finished job run again).
   */
  public RunExecution recordingChildExit() {
    this.recordExit = true;
    return this;
  }

  /**
   * Runs it and returns the result, also when the store fills up meanwhile (the tree is then ended
   * and the result says so). A store that cannot be used at the start is a {@link StoreFailure},
   * with nothing launched.
   */
  @SuppressWarnings(
      "try") // the episode lock is held for the run and released on close; the run never names it
  public RunResult execute() throws IOException {
    if (!EpisodeLock.applies(plan)) {
      return executeUnlocked();
    }
    try (EpisodeLock lock = EpisodeLock.take(plan)) {
      return executeUnlocked();
    }
  }

  private RunResult executeUnlocked() throws IOException {
    SpaceReserve reserve = prepare();
    Keeper keeper =
        keeperBridge == null
            ? null
            : Keeper.start(
                ProcessTree.MARKER_VARIABLE + "=" + plan.runId(),
                plan.profile().grace(),
                Keeper.reapCommand(keeperBridge, plan.runDir()),
                plan.runDir(),
                this::cancel);
    try (RunStateFile state = new RunStateFile(plan, detached, this::storeFailed)) {
      state.start();
      RunResult result = attempts(state);
      try {
        record(result, state);
      } catch (IOException full) {
        reserve.release();
        try {
          record(result, state);
        } catch (IOException e) {
          log.error(
              "{}", StoreFailure.of("write the run's result", plan.resultFile(), e).getMessage());
        }
      }
      reserve.release();
      return result;
    } finally {
      if (keeper != null) {
        keeper.close();
      }
    }
  }

  private SpaceReserve prepare() {
    Path at = plan.runDir();
    try {
      RunFiles.createPrivateDirectories(plan.runDir());
      if (plan.outputDir() != null) {
        at = plan.outputDir();
        Files.createDirectories(plan.outputDir());
        at = plan.runDir();
      }
      RunFiles.writeAtomically(plan.files().launch(), ResultJson.write(runJson()));
      RunFiles.createPrivateFile(plan.eventsLog());
      return SpaceReserve.in(plan.runDir());
    } catch (IOException e) {
      RunFiles.deleteQuietly(plan.runDir());
      throw StoreFailure.of(
          at == plan.runDir() ? "create the run's directory" : "create the output directory",
          at,
          e);
    }
  }

  /**
   * {@code run.json}: what is launched, and where its cost is kept, so a run reaped after its
   * supervisor died can be costed.
   */
  private Map<String, Object> runJson() {
    Map<String, Object> d = new LinkedHashMap<>(plan.describe());
    if (plan.costFile() != null) {
      d.put("cost_file", plan.costFile());
    }
    return d;
  }

  private void record(RunResult result, RunStateFile state) throws IOException {
    if (!Files.exists(plan.resultFile())) {
      RunFiles.writeAtomically(plan.resultFile(), ResultJson.write(result));
    }
    state.finished(result);
  }

  private void storeFailed(StoreFailure failure) {
    log.error("{}; ending the run", failure.getMessage());
    storeFailure = failure;
    Attempt a = current;
    if (a != null) {
      a.storeFailed(failure);
    }
  }

  private RunResult attempts(RunStateFile state) throws IOException {
    long t0 = System.nanoTime();
    AttemptLedger ledger = new AttemptLedger(plan.profile().budget(), plan.profile().retry());
    RunResult last;
    String stopNote;
    while (true) {
      int n = ledger.size() + 1;
      if (n > 1) {
        rotateLogs(n - 1);
      }
      double spentBefore = plan.profile().budget() - ledger.remaining();
      ProgressListener both =
          s -> {
            state.sampled(s, spentBefore);
            progress.update(s);
          };
      Attempt attempt =
          new Attempt(
              plan,
              n,
              ledger.remaining(),
              both,
              classifier,
              tree -> state.childStarted(tree, n),
              recordExit);
      current = attempt;
      if (isCancelled()) {
        attempt.cancel();
      }
      if (storeFailure != null) {
        attempt.storeFailed(storeFailure);
      }
      event("attempt", Map.of("attempt", n, "budget", ledger.remaining()));
      last = attempt.run();
      ledger.add(last);
      stopNote = ledger.whyNotAgain(last);
      if (stopNote != null || isCancelled() || storeFailure != null) {
        break;
      }
      Duration wait =
          plan.profile().retry().delayAfter(n, ThreadLocalRandom.current().nextDouble());
      log.warn(
          "attempt {} of {} failed with {}; trying again in {}",
          n,
          plan.profile().retry().maxAttempts(),
          last.errorType(),
          DurationText.format(wait));
      event(
          "retry",
          Map.of(
              "after_attempt",
              n,
              "error_type",
              last.errorType().name(),
              "delay_ms",
              wait.toMillis()));
      if (waitOrCancel(wait)) {
        stopNote = null;
        last = ledger.cancelledWhileWaiting(last);
        break;
      }
    }
    double seconds = Math.round((System.nanoTime() - t0) / 1_000_000.0) / 1000.0;
    return ResultJson.bounded(
        last.afterAttempts(
            ledger.summaries(),
            ledger.totalCost(),
            seconds,
            ledger.peakMemoryMb(),
            stopNote == null || stopNote.isEmpty() ? null : stopNote));
  }

  /** Keeps an earlier attempt's logs beside the run's as {@code stdout.attempt-N.log} and so on. */
  private void rotateLogs(int previous) throws IOException {
    for (Path p : List.of(plan.stdoutLog(), plan.stderrLog(), plan.childEventsFile())) {
      if (Files.exists(p)) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Files.move(
            p,
            p.resolveSibling(name.substring(0, dot) + ".attempt-" + previous + name.substring(dot)),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private void event(String kind, Map<String, Object> fields) {
    try (EventLog events = new EventLog(plan.eventsLog(), Redactor::redact)) {
      events.bridgeEvent(
          kind, kind.equals("retry") ? "waiting" : "starting", new LinkedHashMap<>(fields));
    } catch (IOException ignored) {
      // a full disk must not stop the run; the result still lists the attempts
    }
  }

  private boolean waitOrCancel(Duration wait) {
    try {
      return cancelled.await(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private boolean isCancelled() {
    return cancelled.getCount() == 0;
  }

  /**
   * Ends the run's tree (SIGTERM, grace, SIGKILL) and makes the result CANCELLED; a second call
   * hurries.
   */
  public void cancel() {
    cancelled.countDown();
    Attempt a = current;
    if (a != null) {
      a.cancel();
    }
  }

  /** SIGKILLs what is left of the tree at once, for a bridge that is exiting without a result. */
  public void abandon() {
    cancelled.countDown();
    Attempt a = current;
    if (a != null) {
      a.abandon();
    }
  }

  public RunPlan plan() {
    return plan;
  }
}
