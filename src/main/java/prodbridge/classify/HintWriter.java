package prodbridge.classify;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a hint's placeholders: {@code {name}} from the rule's named group {@code name}; {@code
 * {apikey}} and {@code {provider}} from the group of that name (a variable is upper-cased: a
 * settings field {@code openai_api_key} is read from {@code OPENAI_API_KEY}), else from the
 * provider the failure's text names last (so a Perplexity call made through the OpenAI client reads
 * as Perplexity), else generic words; {@code {disk}} from the file system found full.
 */
final class HintWriter {
  static final String UNKNOWN_DISK =
      "A file system the run writes to is full (df -h on its output directory shows"
          + " which, and how much is free)";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");
  private final List<ApiProvider> providers;

  HintWriter(List<ApiProvider> providers) {
    this.providers = providers;
  }

  String write(ErrorRule rule, Matcher match, String failureText, String disk) {
    return fill(rule.hint() != null ? rule.hint() : rule.type().hint(), match, failureText, disk);
  }

  String write(ErrorType type, Matcher match, String failureText, String disk) {
    return fill(type.hint(), match, failureText, disk);
  }

  private String fill(String template, Matcher match, String failureText, String disk) {
    ApiProvider provider = template.contains("{") ? lastNamed(failureText) : null;
    String filled =
        PLACEHOLDER
            .matcher(template)
            .replaceAll(p -> Matcher.quoteReplacement(value(p.group(1), match, provider, disk)));
    return filled.isEmpty()
        ? filled
        : Character.toUpperCase(filled.charAt(0)) + filled.substring(1);
  }

  private static String value(String name, Matcher match, ApiProvider provider, String disk) {
    String group = group(match, name);
    if (group != null) {
      return name.equals("apikey") ? group.toUpperCase(Locale.ROOT) : group;
    }
    return switch (name) {
      case "apikey" ->
          provider != null ? provider.apiKey() : "the provider's API key variable (*_API_KEY)";
      case "provider" -> provider != null ? provider.name() : "provider";
      case "disk" -> disk != null ? disk : UNKNOWN_DISK;
      default -> "{" + name + "}";
    };
  }

  private static String group(Matcher match, String name) {
    if (match == null) {
      return null;
    }
    try {
      return match.group(name);
    } catch (IllegalArgumentException noSuchGroup) {
      return null;
    }
  }

  private ApiProvider lastNamed(String text) {
    ApiProvider best = null;
    int bestAt = -1;
    for (ApiProvider p : providers) {
      Matcher m = p.pattern().matcher(text);
      while (m.find()) {
        if (m.start() > bestAt) {
          bestAt = m.start();
          best = p;
        }
      }
    }
    return best;
  }
}
