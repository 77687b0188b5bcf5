package prodbridge.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import prodbridge.classify.ErrorType;
import prodbridge.monitor.CostFile;
import prodbridge.monitor.CostSources;
import prodbridge.supervise.ProcessTree;
import prodbridge.supervise.TreeStop;

/**
 * Ends a run whose supervisor died without a result (kill -9, the OOM killer, a crash): whatever is
 * left of its tree is found by the run's marker (and by its session only while the recorded leader
 * is still the same process), ended with SIGTERM then SIGKILL, and a result with status {@code
 * lost} is written.
 */
final class LostRun {
  static final String HINT =
      "The run's supervisor died (killed, out of memory or crashed) before the run ended; what"
          + " was left of its processes was ended. Start the run again; its logs show how far it got.";

  private LostRun() {}

  static RunView end(Path dir, RunState state, Duration grace, TreeStop endedBefore) {
    TreeStop now =
        ProcessTree.ofRecordedRun(state.childPid(), state.childStartTicks(), state.runId())
            .terminate(grace);
    TreeStop stop =
        new TreeStop(
            endedBefore.terminated() + now.terminated(),
            endedBefore.killed() + now.killed(),
            now.survivors());
    return finish(
        dir,
        state,
        stop,
        RunStatus.LOST,
        ErrorType.UNKNOWN_ERROR,
        "the supervisor (pid "
            + state.supervisorPid()
            + ") is gone and left no result; last heartbeat "
            + state.heartbeat(),
        HINT);
  }

  /**
   * What the run spent as far as anyone can tell: the highest of its last state and what the child
   * left behind (progress events on stdout or in its events file, and the cost file {@code
   * run.json} names); null if none.
   */
  static Double knownCost(Path dir, RunState state) {
    RunDir files = new RunDir(dir);
    CostFile costFile = null;
    try {
      JsonNode run = ResultJson.mapper().readTree(files.launch().toFile());
      if (run != null && run.hasNonNull("cost_file")) {
        costFile = ResultJson.mapper().treeToValue(run.get("cost_file"), CostFile.class);
      }
    } catch (IOException | RuntimeException unreadable) {
      // no run.json, or one without a cost file: the other sources still count
    }
    OptionalDouble seen =
        new CostSources(files.stdoutLog(), files.childEvents(), costFile).lastKnown();
    if (seen.isEmpty()) {
      return state.cost();
    }
    return state.cost() == null ? seen.getAsDouble() : Math.max(state.cost(), seen.getAsDouble());
  }

  /**
   * Writes the final result and state of a run nobody else will finish; when a result appeared
   * meanwhile (its supervisor finished after all), that result stands and is returned.
   */
  static RunView finish(
      Path dir,
      RunState state,
      TreeStop stop,
      RunStatus status,
      ErrorType type,
      String message,
      String hint) {
    String how =
        stop.signalledAnything()
            ? "; ended "
                + stop.terminated()
                + " leftover process(es) with SIGTERM, "
                + stop.killed()
                + " with SIGKILL"
            : "; no process was left";
    RunDir files = new RunDir(dir);
    Double cost = knownCost(dir, state);
    double seconds =
        Math.max(0, Duration.between(state.startedAt(), Instant.now()).toMillis()) / 1000.0;
    RunResult result =
        RunResult.builder()
            .command(state.command())
            .runId(state.runId())
            .episodeId(state.episodeId())
            .topic(state.topic())
            .status(status)
            .errorType(type)
            .errorMessage(message + how)
            .hint(hint)
            .finalCost(cost)
            .budget(state.budget())
            .qualityThreshold(state.qualityThreshold())
            .outputFiles(List.of())
            .executionTime(seconds)
            .attempts(List.of())
            .peakMemoryMb(state.memoryMb())
            .processesEnded(new RunResult.ProcessesEnded(stop.terminated(), stop.killed()))
            .runDir(dir.toString())
            .logs(new RunResult.Logs(files.stdoutLog().toString(), files.stderrLog().toString()))
            .build();
    RunState ended =
        state
            .withFigures(state.stage(), state.progress(), cost, state.memoryMb())
            .ended(status.json(), Instant.now());
    try {
      if (!RunFiles.writeOnce(files.result(), ResultJson.write(result))) {
        RunState latest = RunStore.read(files.state(), RunState.class);
        return new RunView(state.runId(), latest, RunStore.read(files.result(), RunResult.class));
      }
      RunFiles.writeAtomically(files.state(), ResultJson.write(ended));
    } catch (IOException e) {
      String failure = StoreFailure.of("record the run's end in", dir, e).getMessage();
      return new RunView(
          state.runId(),
          ended,
          result,
          new RunView.Alert(status.json(), message + how + "; but " + failure, hint));
    }
    return new RunView(state.runId(), ended, result);
  }
}
