package prodbridge.runs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the supervisor of a planned run as its own process, in its own session, with stdin closed
 * and its output in the run directory, so it outlives the caller (a Claude Code Bash call, a closed
 * terminal). The supervisor is this same program run again with the same arguments ({@link
 * Relaunch#supervisor}). {@code setsid --fork} leaves no child of this process behind: a JVM with a
 * live child takes about 0.3 s longer to exit.
 */
public final class DetachedLaunch {
  private DetachedLaunch() {}

  /**
   * Launches and returns at once; {@code bridgeArgs} are this invocation's arguments without {@code
   * --detach}.
   */
  public static void start(RunPlan plan, List<String> bridgeArgs) throws IOException {
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
    argv.addAll(Relaunch.supervisor(plan.runId(), plan.episodeId(), bridgeArgs));
    new ProcessBuilder(argv)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }
}
