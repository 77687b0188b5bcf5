package prodbridge.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import prodbridge.classify.ErrorRules;
import prodbridge.config.Placeholders;
import prodbridge.config.Profile;
import prodbridge.supervise.LaunchSpec;

/**
 * A run resolved down to the exact argv, directory and environment, before anything exists on disk.
 * {@code outputDir} is null for a {@code run} without an episode id; {@code costFile} is null when
 * the profile names none; {@code placeholders} are the values the profile's argv was expanded with
 * (null for a command given on the command line), kept so a retry can be given the budget that is
 * left.
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
    prodbridge.monitor.CostFile costFile,
    ErrorRules errorRules,
    Map<String, String> placeholders) {

  /** The files of the run's directory. */
  public RunDir files() {
    return new RunDir(runDir);
  }

  public Path stdoutLog() {
    return files().stdoutLog();
  }

  public Path stderrLog() {
    return files().stderrLog();
  }

  public Path resultFile() {
    return files().result();
  }

  /**
   * What is launched, as a flat record for run.json and dry runs (environment names only, never
   * values).
   */
  public java.util.Map<String, Object> describe() {
    java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
    d.put("run_id", runId);
    d.put("command", command);
    d.put("profile", profile.name());
    d.put("topic", topic);
    d.put("episode_id", episodeId);
    d.put("argv", argv.stream().map(prodbridge.classify.Redactor::redact).toList());
    d.put("working_dir", workingDir.toString());
    d.put("output_dir", outputDir == null ? null : outputDir.toString());
    d.put("run_dir", runDir.toString());
    d.put("environment_names", environment.keySet());
    d.put("limits", limits());
    return d;
  }

  /**
   * The profile's limits as run.json keeps them, for reports drawn after the run: null when not
   * set.
   */
  private java.util.Map<String, Object> limits() {
    java.util.Map<String, Object> l = new java.util.LinkedHashMap<>();
    l.put("budget", profile.budget());
    l.put("quality_threshold", profile.qualityThreshold());
    l.put(
        "timeout_seconds",
        profile.timeout() == null ? null : profile.timeout().toMillis() / 1000.0);
    l.put(
        "memory_limit_mb",
        profile.memoryLimit() == null ? null : profile.memoryLimit().megabytes());
    return l;
  }

  /** The same plan with one more variable in the child's environment (a batch's marker). */
  public RunPlan withVariable(String name, String value) {
    Map<String, String> env = new java.util.TreeMap<>(environment);
    env.put(name, value);
    return new RunPlan(
        runId,
        command,
        profile,
        topic,
        episodeId,
        argv,
        workingDir,
        env,
        outputDir,
        runDir,
        costFile,
        errorRules,
        placeholders);
  }

  /** Where monitoring appends samples and events. */
  public Path eventsLog() {
    return files().events();
  }

  /**
   * The file the child may append progress events to; its path is in {@code
   * PROD_BRIDGE_EVENTS_FILE}.
   */
  public Path childEventsFile() {
    return files().childEvents();
  }

  /**
   * The argv with {@code {budget}} set to what an attempt may spend (the whole budget on the
   * first).
   */
  List<String> argvWithBudget(double budget) {
    if (placeholders == null || budget == profile.budget()) {
      return argv;
    }
    Map<String, String> values = new java.util.HashMap<>(placeholders);
    values.put("budget", RunPlanner.decimal(budget));
    return profile.argv().stream().map(a -> Placeholders.expand(a, values)).toList();
  }

  LaunchSpec launchSpec(java.util.function.Consumer<String> stdoutLines, double budget) {
    return new LaunchSpec(
        runId,
        argvWithBudget(budget),
        workingDir,
        environment,
        stdoutLog(),
        stderrLog(),
        profile.timeout(),
        profile.grace(),
        stdoutLines,
        prodbridge.classify.Redactor::redact);
  }
}
