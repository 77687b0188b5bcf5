package prodbridge.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import prodbridge.classify.ErrorRules;

/**
 * The configuration in force: the profile set in use, where run directories and episode outputs go,
 * every profile, the sources it was layered from (lowest first), and the error rules (a user's
 * first, then the built-in).
 */
public record EffectiveConfig(
    String pipeline,
    Path runsRoot,
    Path outputRoot,
    Map<String, Profile> profiles,
    List<String> sources,
    ErrorRules errorRules) {

  public EffectiveConfig {
    profiles = Map.copyOf(profiles);
    sources = List.copyOf(sources);
  }

  /**
   * The same configuration with run directories under {@code root} (a batch keeps its jobs' runs
   * together).
   */
  public EffectiveConfig withRunsRoot(Path root) {
    return new EffectiveConfig(pipeline, root, outputRoot, profiles, sources, errorRules);
  }

  /**
   * The config file that was read, or null when only the built-in config and the command line
   * apply.
   */
  public Path file() {
    return sources.stream()
        .filter(s -> !s.equals("built-in") && !s.equals("command line"))
        .findFirst()
        .map(Path::of)
        .orElse(null);
  }

  public Profile profile(String name) {
    Profile p = profiles.get(name);
    if (p == null) {
      throw new UsageException(
          "unknown profile \""
              + name
              + "\" (profiles: "
              + String.join(", ", new TreeMap<>(profiles).keySet())
              + ")");
    }
    return p;
  }
}
