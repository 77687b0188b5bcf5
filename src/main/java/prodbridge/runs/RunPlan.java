package prodbridge.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import prodbridge.config.Profile;
import prodbridge.supervise.LaunchSpec;

/**
 * A run resolved down to the exact argv, directory and environment, before anything exists on disk.
 * {@code outputDir} is null for a {@code run} without an episode id; {@code costFile} is null when the profile
 * names none.
 */
public record RunPlan(
    String runId,
    String command,
    Profile profile,
    String topic,
    String episodeId,
    List<String> argv,
    Path workingDir,
    Map<String, String> environment,
    Path outputDir,
    Path runDir,
    prodbridge.monitor.CostFile costFile) {

  public Path stdoutLog() {
    return runDir.resolve("stdout.log");
  }

  public Path stderrLog() {
    return runDir.resolve("stderr.log");
  }

  public Path resultFile() {
    return runDir.resolve("result.json");
  }

  /** Where monitoring appends samples and events. */
  public Path eventsLog() {
    return runDir.resolve("events.jsonl");
  }

  /** The file the child may append progress events to; its path is in {@code PROD_BRIDGE_EVENTS_FILE}. */
  public Path childEventsFile() {
    return runDir.resolve("child-events.jsonl");
  }

  LaunchSpec launchSpec(java.util.function.Consumer<String> stdoutLines) {
    return new LaunchSpec(runId, argv, workingDir, environment, stdoutLog(), stderrLog(), profile.timeout(),
        profile.grace(), stdoutLines);
  }
}
