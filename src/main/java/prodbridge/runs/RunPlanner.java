package prodbridge.runs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import prodbridge.config.CostFileSetting;
import prodbridge.config.EffectiveConfig;
import prodbridge.config.Placeholders;
import prodbridge.config.Profile;
import prodbridge.config.UsageException;
import prodbridge.monitor.CostFile;

/**
 * Resolves a request into a plan and checks it; it creates nothing, so a bad request leaves no
 * trace.
 */
public final class RunPlanner {
  static final int MAX_TOPIC_CHARS = 2000;

  private final EffectiveConfig config;
  private final Map<String, String> bridgeEnv;
  private final Path workingDir;
  private final Clock clock;

  public RunPlanner(
      EffectiveConfig config, Map<String, String> bridgeEnv, Path workingDir, Clock clock) {
    this.config = config;
    this.bridgeEnv = bridgeEnv;
    this.workingDir = workingDir;
    this.clock = clock;
  }

  public RunPlan plan(RunRequest request) {
    Profile profile = config.profile(request.profile());
    String topic = topic(request.topic());
    boolean direct = !request.commandLine().isEmpty();
    ZonedDateTime now = ZonedDateTime.now(clock);
    String episodeId =
        request.episodeId() != null
            ? EpisodeId.validate(request.episodeId())
            : direct ? null : EpisodeId.generate(now);
    String runId =
        request.runId() != null
            ? RunId.validate(request.runId())
            : RunId.next(request.command(), now);
    Path runDir = config.runsRoot().resolve(runId);
    Path outputDir = episodeId == null ? null : config.outputRoot().resolve(episodeId);
    Path childDir = childWorkingDir(profile);
    if (request.needsExistingEpisode() && !Files.isDirectory(outputDir)) {
      throw new UsageException(
          "--episode-id "
              + episodeId
              + ": no such episode in "
              + config.outputRoot()
              + " ("
              + request.command()
              + " needs the "
              + (request.command().equals("prod-audio") ? "script" : "research")
              + " of an earlier run; see prod-bridge runs)");
    }
    WritableDir.check(config.runsRoot(), "runs root");
    if (outputDir != null) {
      WritableDir.check(outputDir, "episode directory");
    }

    Map<String, String> values = new HashMap<>();
    values.put("topic", topic == null && !direct ? "" : topic);
    values.put("episode_id", episodeId);
    values.put("budget", decimal(profile.budget()));
    values.put("quality_threshold", BigDecimal.valueOf(profile.qualityThreshold()).toPlainString());
    values.put("output_dir", outputDir == null ? null : outputDir.toString());
    values.put("run_dir", runDir.toString());
    values.put("java", Relaunch.javaBinary());
    values.put("classpath", Relaunch.classpath(workingDir));
    List<String> argv = direct ? request.commandLine() : expand(profile, values);

    Map<String, String> runVariables = new HashMap<>();
    runVariables.put("PROD_BRIDGE_RUN_DIR", runDir.toString());
    runVariables.put("PROD_BRIDGE_COMMAND", request.command());
    runVariables.put("PROD_BRIDGE_EVENTS_FILE", new RunDir(runDir).childEvents().toString());
    if (episodeId != null) {
      runVariables.put("PROD_BRIDGE_EPISODE_ID", episodeId);
      runVariables.put("PROD_BRIDGE_OUTPUT_DIR", outputDir.toString());
    }
    Map<String, String> env =
        ChildEnvironment.build(profile.envPassthrough(), profile.env(), bridgeEnv, runVariables);
    return new RunPlan(
        runId,
        request.command(),
        profile,
        topic,
        episodeId,
        argv,
        childDir,
        env,
        outputDir,
        runDir,
        costFile(profile.costFile(), values, childDir),
        config.errorRules(),
        direct
            ? null
            : Map.copyOf(
                values.entrySet().stream()
                    .filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
  }

  private static CostFile costFile(
      CostFileSetting setting, Map<String, String> values, Path childDir) {
    if (setting == null) {
      return null;
    }
    Path path = childDir.resolve(Placeholders.expand(setting.path(), values)).normalize();
    return new CostFile(path, setting.csvColumn(), setting.jsonField());
  }

  private List<String> expand(Profile profile, Map<String, String> values) {
    if (profile.argv().isEmpty()) {
      throw new UsageException(
          "profile "
              + profile.name()
              + " has no argv for pipeline \""
              + config.pipeline()
              + "\": set profiles."
              + profile.name()
              + ".argv in your config file");
    }
    return profile.argv().stream().map(a -> Placeholders.expand(a, values)).toList();
  }

  private Path childWorkingDir(Profile profile) {
    if (profile.workingDir() == null) {
      return workingDir;
    }
    Path dir = workingDir.resolve(profile.workingDir()).normalize();
    if (!Files.isDirectory(dir)) {
      throw new UsageException(
          "profile "
              + profile.name()
              + ": working_dir "
              + dir
              + ": no such directory (set profiles."
              + profile.name()
              + ".working_dir in your config file)");
    }
    return dir;
  }

  private static String topic(String raw) {
    if (raw == null) {
      return null;
    }
    if (raw.isBlank()) {
      throw new UsageException(
          "topic: empty; say what the episode is about, like \"Why do we dream?\"");
    }
    String t = raw.strip();
    if (t.length() > MAX_TOPIC_CHARS) {
      throw new UsageException("topic: " + t.length() + " characters; at most " + MAX_TOPIC_CHARS);
    }
    if (t.indexOf('\0') >= 0) {
      throw new UsageException("topic: contains a NUL character, which no command line can carry");
    }
    return t;
  }

  /**
   * 5.51 stays "5.51", 2 becomes "2.00", 0.125 stays "0.125"; a remainder like 0.6000000001 is cut
   * to 0.6000.
   */
  static String decimal(double value) {
    BigDecimal d = BigDecimal.valueOf(value);
    if (d.scale() > 4) {
      d = d.setScale(4, RoundingMode.DOWN);
    }
    return (d.scale() < 2 ? d.setScale(2, RoundingMode.UNNECESSARY) : d).toPlainString();
  }
}
