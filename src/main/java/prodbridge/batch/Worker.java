package prodbridge.batch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import prodbridge.runs.RunState;
import prodbridge.runs.RunStore;
import prodbridge.runs.RunView;

/**
 * The supervisor of one job of a local batch: the bridge itself ({@code batch-job}), in its own session so a
 * terminal's Ctrl-C reaches only the coordinator, with its stdin a pipe from the coordinator. When the coordinator
 * dies, even by kill -9, that pipe closes and the supervisor cancels its run: nothing is left running unwatched.
 */
final class Worker {
  static final String BATCH_VARIABLE = "PROD_BRIDGE_BATCH";

  final BatchJob job;
  final String runId;
  final Instant started;
  private final Process process;
  private final Path runDir;

  private Worker(BatchJob job, String runId, Process process, Path runDir) {
    this.job = job;
    this.runId = runId;
    this.process = process;
    this.runDir = runDir;
    this.started = Instant.now();
  }

  static Worker start(BatchDir dir, BatchManifest manifest, BatchJob job, String runId, List<String> bridge)
      throws IOException {
    prodbridge.runs.RunFiles.createPrivateDirectories(dir.logs());
    List<String> argv = new ArrayList<>(List.of("setsid"));
    argv.addAll(bridge);
    argv.addAll(List.of("batch-job", "--batch-dir", dir.path().toString(), "--job", job.jobId(), "--run-id", runId,
        "--watch-stdin"));
    File log = dir.logs().resolve(job.jobId() + ".log").toFile();
    ProcessBuilder pb = new ProcessBuilder(argv)
        .directory(new File(manifest.workingDir()))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
        .redirectError(ProcessBuilder.Redirect.appendTo(log));
    Map<String, String> env = pb.environment();
    env.put(BATCH_VARIABLE, dir.path().toString());
    return new Worker(job, runId, pb.start(), dir.runs().resolve(runId));
  }

  boolean alive() {
    return process.isAlive();
  }

  int exitCode() {
    return process.exitValue();
  }

  /** SIGTERM: the supervisor cancels its run (a second one hurries it past the grace period). */
  void cancel() {
    process.destroy();
  }

  /** The run's live state, once its supervisor has written one. */
  Optional<RunState> state() {
    RunState s = RunStore.read(runDir.resolve("state.json"), RunState.class);
    return Optional.ofNullable(s);
  }

  /** What is on disk of the run after its supervisor ended; a run it left running is ended as lost. */
  RunView look() {
    return new RunStore(runDir.getParent()).look(runDir);
  }
}
