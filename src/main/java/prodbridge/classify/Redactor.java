package prodbridge.classify;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes API keys and tokens from text the bridge writes about a run (result fields, events), keeping what names
 * them so the evidence still reads: {@code ANTHROPIC_API_KEY=[REDACTED]}, {@code Bearer [REDACTED]}.
 */
public final class Redactor {
  static final String MASK = "[REDACTED]";
  private static final List<Pattern> SECRETS = List.of(
      Pattern.compile("\\bsk-(?:ant-)?[A-Za-z0-9_\\-]{12,}"),
      Pattern.compile("(?i)(\\bauthorization\\s*[:=]\\s*[\"']?bearer\\s+)[^\\s\"',}]+"),
      Pattern.compile("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/\\-]{16,}=*"),
      Pattern.compile("(?i)(\\bxi-api-key[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',}]+"),
      Pattern.compile("(?i)(\\b[A-Z0-9_]*_(?:API_KEY|TOKEN|SECRET)[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',}]+"),
      Pattern.compile("(?i)([\"']?\\bapi[_-]?key[\"']?\\s*[:=]\\s*[\"']?)[A-Za-z0-9_\\-]{12,}"));

  private Redactor() {}

  /** {@code text} with every secret replaced; null stays null. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (Pattern p : SECRETS) {
      Matcher m = p.matcher(out);
      if (m.find()) {
        out = m.replaceAll(r -> (r.groupCount() >= 1 && r.group(1) != null ? Matcher.quoteReplacement(r.group(1)) : "")
            + MASK);
      }
    }
    return out;
  }
}
