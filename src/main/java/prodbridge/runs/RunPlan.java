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

  /** What is launched, as a flat record for run.json and dry runs (environment names only, never values). */
  public java.util.Map<String, Object> describe() {
    java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
    d.put("run_id", runId);
    d.put("command", command);
    d.put("profile", profile.name());
    d.put("topic", topic);
    d.put("episode_id", episodeId);
    d.put("argv", argv);
    d.put("working_dir", workingDir.toString());
    d.put("output_dir", outputDir == null ? null : outputDir.toString());
    d.put("run_dir", runDir.toString());
    d.put("environment_names", environment.keySet());
    return d;
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
