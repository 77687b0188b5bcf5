package prodbridge.runs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the supervisor of a planned run as its own process, in its own session, with stdin closed and its output
 * in the run directory, so it outlives the caller (a Claude Code Bash call, a closed terminal). The supervisor is
 * this same program run again (through its launcher when there is one, for the same JVM flags) with the same
 * arguments, the run id and episode id fixed to the plan's. {@code setsid --fork} leaves no child of this process
 * behind: a JVM with a live child takes about 0.3 s longer to exit.
 */
public final class DetachedLaunch {
  private DetachedLaunch() {}

  /**
   * Launches and returns at once; {@code launcher} is the launcher script's absolute path (null when this process
   * was not started through it), {@code bridgeArgs} this invocation's arguments without {@code --detach}, the
   * command word first (the run id goes right after it, before a {@code run}'s own command line).
   */
  public static void start(RunPlan plan, String launcher, List<String> bridgeArgs) throws IOException {
    Path out = plan.files().supervisorOut();
    Path log = plan.files().supervisorLog();
    try {
      RunFiles.createPrivateDirectories(plan.runDir());
      RunStateFile.writeStarting(plan);
      RunFiles.createPrivateFile(out);
      RunFiles.createPrivateFile(log);
    } catch (IOException e) {
      throw StoreFailure.of("create the run's directory", plan.runDir(), e);
    }
    List<String> argv = new ArrayList<>(List.of("setsid", "--fork"));
    argv.addAll(Relaunch.command(launcher));
    List<String> fixed = new ArrayList<>(List.of("--run-id", plan.runId()));
    if (plan.episodeId() != null
        && bridgeArgs.stream().noneMatch(a -> a.equals("--episode-id") || a.startsWith("--episode-id="))) {
      fixed.addAll(List.of("--episode-id", plan.episodeId()));
    }
    argv.add(bridgeArgs.get(0));
    argv.addAll(fixed);
    argv.addAll(bridgeArgs.subList(1, bridgeArgs.size()));
    new ProcessBuilder(argv)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }
}
