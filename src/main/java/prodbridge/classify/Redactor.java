package prodbridge.classify;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes API keys and tokens from text the bridge writes about a run (result fields, events, the
 * child's logs, the argv in run.json), keeping what names them so the evidence still reads: {@code
 * ANTHROPIC_API_KEY=[REDACTED]}, {@code Bearer [REDACTED]}.
 */
public final class Redactor {
  static final String MASK = "[REDACTED]";
  private static final List<Pattern> SECRETS =
      List.of(
          Pattern.compile("\\bsk-(?:ant-)?[A-Za-z0-9_\\-]{12,}"),
          Pattern.compile("(?i)(\\bauthorization\\s*[:=]\\s*[\"']?bearer\\s+)[^\\s\"',}]+"),
          Pattern.compile("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/\\-]{16,}=*"),
          Pattern.compile("(?i)(\\bxi-api-key[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',}]+"),
          Pattern.compile(
              "(?i)(\\b[A-Z0-9_]*_(?:API_KEY|TOKEN|SECRET)[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',}]+"),
          Pattern.compile(
              "(?i)([\"']?\\bapi[_-]?key[\"']?\\s*[:=]\\s*[\"']?)[A-Za-z0-9_\\-]{12,}"));

  private Redactor() {}

  /** {@code text} with every secret replaced; null stays null. */
  public static String redact(String text) {
    if (text == null || text.isEmpty() || !mayHoldSecret(text)) {
      return text;
    }
    String out = text;
    for (Pattern p : SECRETS) {
      Matcher m = p.matcher(out);
      if (m.find()) {
        out =
            m.replaceAll(
                r ->
                    (r.groupCount() >= 1 && r.group(1) != null
                            ? Matcher.quoteReplacement(r.group(1))
                            : "")
                        + MASK);
      }
    }
    return out;
  }

  /**
   * Whether {@code text} holds a word every secret pattern needs ({@code sk-}, bearer, api, key,
   * token, secret, in any case); one pass without a regex, so the child's logs can be scrubbed line
   * by line at pump speed.
   */
  static boolean mayHoldSecret(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      switch (text.charAt(i) | 0x20) {
        case 'k' -> {
          if (i > 0 && (text.charAt(i - 1) | 0x20) == 's' && i + 1 < n && text.charAt(i + 1) == '-'
              || text.regionMatches(true, i, "key", 0, 3)) {
            return true;
          }
        }
        case 'b' -> {
          if (text.regionMatches(true, i, "bearer", 0, 6)) {
            return true;
          }
        }
        case 'a' -> {
          if (text.regionMatches(true, i, "api", 0, 3)) {
            return true;
          }
        }
        case 't' -> {
          if (text.regionMatches(true, i, "token", 0, 5)) {
            return true;
          }
        }
        case 's' -> {
          if (text.regionMatches(true, i, "secret", 0, 6)) {
            return true;
          }
        }
        default -> {}
      }
    }
    return false;
  }
}
