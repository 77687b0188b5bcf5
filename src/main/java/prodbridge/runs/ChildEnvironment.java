package prodbridge.runs;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The child's whole environment: the bridge's variables the profile passes through (names or {@code
 * *} globs), then the profile's own values, then the bridge's run variables. Nothing else leaks in.
 */
final class ChildEnvironment {
  private ChildEnvironment() {}

  static Map<String, String> build(
      List<String> passthrough,
      Map<String, String> fixed,
      Map<String, String> bridgeEnv,
      Map<String, String> runVariables) {
    List<Pattern> globs = passthrough.stream().map(ChildEnvironment::glob).toList();
    Map<String, String> env = new TreeMap<>();
    bridgeEnv.forEach(
        (name, value) -> {
          if (globs.stream().anyMatch(g -> g.matcher(name).matches())) {
            env.put(name, value);
          }
        });
    env.putAll(fixed);
    env.putAll(runVariables);
    return env;
  }

  private static Pattern glob(String g) {
    return Pattern.compile(
        java.util.Arrays.stream(g.split("\\*", -1))
            .map(Pattern::quote)
            .collect(Collectors.joining(".*")));
  }
}
