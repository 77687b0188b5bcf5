package prodbridge.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import prodbridge.classify.ApiProvider;
import prodbridge.classify.ErrorRule;
import prodbridge.classify.ErrorRules;

/**
 * The built-in rules file, {@code config/error-rules.json}: lines to ignore, exception notes to set
 * aside, providers hints name, and the rules.
 */
record RulesDocument(
    @JsonDeserialize(contentUsing = CheckedRules.Regex.class) List<Pattern> ignoreLines,
    @JsonDeserialize(contentUsing = CheckedRules.Regex.class) List<Pattern> exceptionNotes,
    List<ProviderSetting> providers,
    List<RuleSetting> rules) {

  static final String RESOURCE = "config/error-rules.json";

  /** A provider as the rules file states it. */
  record ProviderSetting(
      String name,
      @JsonDeserialize(using = CheckedRules.Regex.class) Pattern pattern,
      String apiKey) {}

  static ErrorRules builtIn() {
    try (InputStream in = RulesDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      RulesDocument doc = ConfigJson.mapper().readValue(in, RulesDocument.class);
      return new ErrorRules(
          rules(doc.rules(), "built-in " + RESOURCE + ": rules"),
          doc.ignoreLines(),
          doc.exceptionNotes() == null ? List.of() : doc.exceptionNotes(),
          doc.providers().stream()
              .map(p -> new ApiProvider(p.name(), p.pattern(), p.apiKey()))
              .toList());
    } catch (IOException e) {
      throw new UncheckedIOException("built-in " + RESOURCE + " is broken", e);
    }
  }

  /** Checked rules; {@code where} names the list for errors ("prod-bridge.json: error_rules"). */
  static List<ErrorRule> rules(List<RuleSetting> settings, String where) {
    List<ErrorRule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; settings != null && i < settings.size(); i++) {
      if (settings.get(i) == null) {
        throw new UsageException(where + "[" + i + "]: a rule is an object, not null");
      }
      ErrorRule rule = settings.get(i).toRule(where + "[" + i + "]");
      if (!names.add(rule.name())) {
        throw new UsageException(
            where + "[" + i + "]: a second rule named \"" + rule.name() + "\"");
      }
      rules.add(rule);
    }
    return rules;
  }
}
