package prodbridge.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Layers the configuration: built-in defaults (the {@code config/} folder inside the jar), then one
 * config file, then the command line's settings. The file is {@code --config FILE}, else {@code
 * $PROD_BRIDGE_CONFIG}, else {@code ./prod-bridge.json} when it exists. Everything is validated
 * before anything runs.
 */
public final class ConfigLoader {
  public static final List<String> COMMANDS =
      List.of("prod-episode", "prod-research", "prod-script", "prod-audio", "run");
  public static final String CONFIG_ENV = "PROD_BRIDGE_CONFIG";
  public static final String RUNS_ENV = "PROD_BRIDGE_RUNS";
  public static final String DEFAULT_FILE = "prod-bridge.json";
  private static final Pattern PROFILE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private final Map<String, String> env;
  private final Path workingDir;

  public ConfigLoader(Map<String, String> env, Path workingDir) {
    this.env = env;
    this.workingDir = workingDir;
  }

  /**
   * Loads and validates; {@code explicitFile} is the --config flag or null, {@code flags} the
   * command line's layer.
   */
  public EffectiveConfig load(Path explicitFile, ProfileSettings flags) {
    List<String> sources = new ArrayList<>(List.of("built-in"));
    ConfigDocument builtIn = readResource("config/bridge.json");
    Path file = chooseFile(explicitFile);
    ConfigDocument user = ConfigDocument.EMPTY;
    Path baseDir = workingDir;
    if (file != null) {
      user = readFile(file);
      baseDir = file.toAbsolutePath().getParent();
      sources.add(file.toAbsolutePath().toString());
    }
    if (!flags.equals(ProfileSettings.NONE)) {
      sources.add("command line");
    }
    String pipeline = user.pipeline() != null ? user.pipeline() : builtIn.pipeline();
    if (!exists("config/profiles/" + pipeline + "/prod-episode.json")) {
      throw new UsageException(
          (file == null ? "built-in config" : file)
              + ": pipeline: unknown profile set \""
              + pipeline
              + "\" (known: reference, langgraph)");
    }
    Map<String, Profile> profiles = new LinkedHashMap<>();
    for (String name : profileNames(user, file)) {
      ProfileSettings settings =
          builtIn
              .defaultsOrNone()
              .overriddenBy(builtInProfile(pipeline, name))
              .overriddenBy(user.defaultsOrNone().relativeTo(baseDir))
              .overriddenBy(
                  user.profilesOrNone()
                      .getOrDefault(name, ProfileSettings.NONE)
                      .relativeTo(baseDir))
              .overriddenBy(flags);
      profiles.put(name, settings.resolve(name));
    }
    String runsRoot = firstSet(env.get(RUNS_ENV), user.runsRoot(), builtIn.runsRoot());
    String outputRoot = firstSet(user.outputRoot(), builtIn.outputRoot());
    Path runsBase = env.get(RUNS_ENV) != null || user.runsRoot() == null ? workingDir : baseDir;
    Path outputBase = user.outputRoot() == null ? workingDir : baseDir;
    return new EffectiveConfig(
        pipeline,
        runsBase.resolve(runsRoot).normalize(),
        outputBase.resolve(outputRoot).normalize(),
        profiles,
        sources,
        RulesDocument.builtIn()
            .withFirst(RulesDocument.rules(user.errorRules(), file + ": error_rules")));
  }

  private List<String> profileNames(ConfigDocument user, Path file) {
    List<String> names = new ArrayList<>(COMMANDS);
    for (String name : user.profilesOrNone().keySet()) {
      if (!PROFILE_NAME.matcher(name).matches()) {
        throw new UsageException(
            file + ": profiles." + name + ": a profile name is lower-case letters, digits and '-'");
      }
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * The set's own profile for a command, the shared run profile, or (for a user's own profile) the
   * run one.
   */
  private ProfileSettings builtInProfile(String pipeline, String name) {
    String own = "config/profiles/" + pipeline + "/" + name + ".json";
    if (exists(own)) {
      return readResourceProfile(own);
    }
    if (COMMANDS.contains(name) && !name.equals("run")) {
      return ProfileSettings.NONE;
    }
    return readResourceProfile("config/profiles/run.json");
  }

  private Path chooseFile(Path explicitFile) {
    if (explicitFile != null) {
      return existingFile(workingDir.resolve(explicitFile), "--config");
    }
    String fromEnv = env.get(CONFIG_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return existingFile(workingDir.resolve(fromEnv), CONFIG_ENV);
    }
    Path local = workingDir.resolve(DEFAULT_FILE);
    return Files.isRegularFile(local) ? local : null;
  }

  private static Path existingFile(Path p, String source) {
    if (Files.isDirectory(p)) {
      throw new UsageException(source + ": " + p + ": a directory, not a config file");
    }
    if (!Files.isRegularFile(p)) {
      throw new UsageException(source + ": " + p + ": no such file");
    }
    if (!Files.isReadable(p)) {
      throw new UsageException(source + ": " + p + ": not readable by this user");
    }
    return p;
  }

  private static ConfigDocument readFile(Path file) {
    try {
      if (new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
        throw new UsageException(file + ": empty config file; write {} for no settings");
      }
      ConfigDocument doc = ConfigJson.mapper().readValue(file.toFile(), ConfigDocument.class);
      if (doc == null) {
        throw new UsageException(file + ": empty config file; write {} for no settings");
      }
      return doc;
    } catch (JsonProcessingException e) {
      throw ConfigErrors.describe(file.toString(), e);
    } catch (IOException e) {
      throw new UsageException(file + ": cannot read: " + e.getMessage());
    }
  }

  private static ConfigDocument readResource(String name) {
    try (InputStream in = resource(name)) {
      return ConfigJson.mapper().readValue(in, ConfigDocument.class);
    } catch (IOException e) {
      throw new UncheckedIOException("built-in " + name + " is broken", e);
    }
  }

  private static ProfileSettings readResourceProfile(String name) {
    try (InputStream in = resource(name)) {
      return ConfigJson.mapper().readValue(in, ProfileSettings.class);
    } catch (IOException e) {
      throw new UncheckedIOException("built-in " + name + " is broken", e);
    }
  }

  private static boolean exists(String name) {
    return ConfigLoader.class.getClassLoader().getResource(name) != null;
  }

  private static InputStream resource(String name) {
    return ConfigLoader.class.getClassLoader().getResourceAsStream(name);
  }

  private static String firstSet(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
