package prodbridge.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import prodbridge.runs.ResultJson;
import prodbridge.runs.RunDir;
import prodbridge.runs.RunResult;
import prodbridge.runs.RunState;
import prodbridge.runs.RunStore;

/**
 * What a run report draws, from the run's directory alone: its result (null while it runs), its
 * state, its {@code events.jsonl} as curves, and its memory limit from {@code run.json} (null when
 * unlimited or not recorded).
 */
record RunFacts(
    String runId, Path dir, RunResult result, RunState state, RunTrace trace, Long memoryLimitMb) {

  static RunFacts read(Path runDir) {
    RunDir files = new RunDir(runDir);
    RunResult result = RunStore.read(files.result(), RunResult.class);
    RunState state = RunStore.read(files.state(), RunState.class);
    return new RunFacts(
        files.runId(),
        runDir,
        result,
        state,
        RunTrace.read(files.events()),
        memoryLimit(files.launch()));
  }

  /** True for a directory that holds a run (its state, result or events). */
  static boolean isRunDir(Path dir) {
    return new RunDir(dir).holdsRun();
  }

  Double budget() {
    return result != null
        ? Double.valueOf(result.budget())
        : state != null ? Double.valueOf(state.budget()) : null;
  }

  String status() {
    return result != null
        ? result.status().name().toLowerCase(java.util.Locale.ROOT)
        : state != null ? state.status() : "unknown";
  }

  String topic() {
    return result != null ? result.topic() : state != null ? state.topic() : null;
  }

  String command() {
    return result != null ? result.command() : state != null ? state.command() : "run";
  }

  private static Long memoryLimit(Path runJson) {
    if (!Files.isRegularFile(runJson)) {
      return null;
    }
    try {
      JsonNode limit =
          ResultJson.mapper().readTree(runJson.toFile()).path("limits").path("memory_limit_mb");
      return limit.isNumber() ? limit.asLong() : null;
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }
}
