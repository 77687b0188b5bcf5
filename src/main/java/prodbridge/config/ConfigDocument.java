package prodbridge.config;

import java.util.Map;

/**
 * A config file: which built-in profile set to use ({@code pipeline}), where runs and episodes go,
 * settings for every profile ({@code defaults}) and per profile ({@code profiles}), and error rules
 * tried before the built-in ones ({@code error_rules}). Every field is optional.
 */
record ConfigDocument(
    String pipeline,
    String runsRoot,
    String outputRoot,
    ProfileSettings defaults,
    Map<String, ProfileSettings> profiles,
    java.util.List<RuleSetting> errorRules) {

  static final ConfigDocument EMPTY = new ConfigDocument(null, null, null, null, Map.of(), null);

  ProfileSettings defaultsOrNone() {
    return defaults == null ? ProfileSettings.NONE : defaults;
  }

  Map<String, ProfileSettings> profilesOrNone() {
    return profiles == null ? Map.of() : profiles;
  }
}
