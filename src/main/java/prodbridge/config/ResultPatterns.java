package prodbridge.config;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions, each with one capture group, that read a pipeline's result from a text
 * summary when it prints no JSON. A null pattern reads nothing. Matched line by line (MULTILINE);
 * the last match wins.
 */
public record ResultPatterns(
    String episodeId, String totalCost, String overallQuality, String finalStage, String error) {

  public ResultPatterns {
    for (String p : new String[] {episodeId, totalCost, overallQuality, finalStage, error}) {
      if (p != null) {
        try {
          if (Pattern.compile(p).matcher("").groupCount() < 1) {
            throw new IllegalArgumentException("pattern \"" + p + "\" needs one capture group");
          }
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException(
              "pattern \"" + p + "\" is not a valid regular expression: " + e.getDescription());
        }
      }
    }
  }
}
