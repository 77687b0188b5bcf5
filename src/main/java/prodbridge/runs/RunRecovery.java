package prodbridge.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import prodbridge.classify.Classifier;
import prodbridge.monitor.CostSources;
import prodbridge.monitor.MonitorReport;
import prodbridge.supervise.Outcome;
import prodbridge.supervise.StopReason;
import prodbridge.supervise.TreeStop;

/**
 * Finishes a run whose supervisor died after its child had exited 0 by itself but before the result
 * was written: the result is assembled from what is on disk (the exit recorded in {@code
 * child-exit.json}, the logs, the cost sources) exactly as the supervisor would have, so a job that
 * really succeeded counts as a success and is not run again. Anything else (no recorded exit,
 * another attempt running, a failure) is left to {@link RunStore#look}.
 */
public final class RunRecovery {
  private RunRecovery() {}

  /**
   * The run's result if its child is known to have succeeded; empty otherwise (nothing is written
   * then).
   */
  public static Optional<RunResult> ofSucceededChild(RunPlan plan) {
    Path dir = plan.runDir();
    RunState state = RunStore.read(plan.files().state(), RunState.class);
    ChildExit exit = ChildExit.read(dir);
    Integer code = ChildExit.recordedCode(dir);
    if (state == null || !state.running() || Files.exists(plan.resultFile())) {
      return Optional.empty();
    }
    if (code == null && exit != null && exit.attempt() == state.attempt()) {
      code = exit.exitCode();
    }
    if (code == null || code != 0) {
      return Optional.empty();
    }
    if (exit == null || exit.attempt() != state.attempt()) {
      exit = new ChildExit(state.attempt(), 0, fileTime(plan.files().childExitCode()));
    }
    Instant started = state.startedAt();
    Duration elapsed = Duration.between(started, exit.at());
    Outcome outcome =
        new Outcome(
            StopReason.EXITED,
            state.childPid(),
            0,
            null,
            started,
            elapsed,
            CostSources.tail(plan.stdoutLog(), 256 * 1024),
            CostSources.tail(plan.stderrLog(), 16 * 1024),
            size(plan.stdoutLog()),
            size(plan.stderrLog()),
            TreeStop.NOTHING,
            null);
    OptionalDouble cost =
        CostSources.lastKnown(plan.stdoutLog(), plan.childEventsFile(), plan.costFile());
    Long peak = state.memoryMb() == null ? null : state.memoryMb() << 20;
    Double seenCost = cost.isPresent() ? Double.valueOf(cost.getAsDouble()) : state.cost();
    MonitorReport seen =
        new MonitorReport(peak, seenCost, "files left by the child", null, 0, 0, 0);
    RunResult attempt =
        new ResultAssembler(new Classifier(plan.errorRules()))
            .assemble(plan, exit.attempt(), outcome, seen);
    if (!attempt.succeeded()) {
      return Optional.empty();
    }
    Double total = state.cost();
    if (attempt.finalCost() != null) {
      total =
          state.cost() == null
              ? attempt.finalCost()
              : Double.valueOf(Math.max(attempt.finalCost(), state.cost()));
    }
    RunResult result =
        ResultJson.bounded(
            attempt.afterAttempts(
                attempt.attempts(),
                total,
                Math.round(elapsed.toMillis()) / 1000.0,
                state.memoryMb(),
                null));
    try {
      RunFiles.writeAtomically(plan.resultFile(), ResultJson.write(result));
      RunFiles.writeAtomically(
          plan.files().state(),
          ResultJson.write(
              state
                  .withFigures(state.stage(), state.progress(), total, state.memoryMb())
                  .ended(result.status().json(), Instant.now())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(result);
  }

  private static Instant fileTime(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      return Instant.now();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
