package prodbridge.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders an argv template may use. Expansion is one pass over the template, so a topic
 * that itself contains "{budget}" arrives verbatim; each template element stays exactly one
 * argument.
 */
public final class Placeholders {
  public static final Set<String> KNOWN =
      Set.of(
          "topic",
          "episode_id",
          "budget",
          "quality_threshold",
          "output_dir",
          "run_dir",
          "java",
          "classpath");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  private Placeholders() {}

  /** The unknown placeholder names used in {@code template}, in order. */
  public static List<String> unknownIn(String template) {
    List<String> unknown = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!KNOWN.contains(m.group(1))) {
        unknown.add(m.group(1));
      }
    }
    return unknown;
  }

  /**
   * Replaces every known placeholder; a value that is absent (a run without a topic) is an error.
   */
  public static String expand(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = values.get(name);
      if (value == null) {
        throw new UsageException(
            "the command template uses {"
                + name
                + "} but this run has no "
                + name.replace('_', ' '));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
