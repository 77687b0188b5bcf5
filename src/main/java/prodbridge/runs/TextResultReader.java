package prodbridge.runs;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import prodbridge.config.ResultPatterns;

/**
 * Reads a result from a pipeline's text summary with the profile's patterns; the last match of each
 * wins.
 */
final class TextResultReader {
  private TextResultReader() {}

  static Optional<PipelineResult> read(String text, ResultPatterns patterns) {
    if (patterns == null) {
      return Optional.empty();
    }
    String episodeId = last(text, patterns.episodeId());
    String cost = last(text, patterns.totalCost());
    String quality = last(text, patterns.overallQuality());
    String stage = last(text, patterns.finalStage());
    String error = last(text, patterns.error());
    if (episodeId == null && cost == null && quality == null && stage == null && error == null) {
      return Optional.empty();
    }
    return Optional.of(
        new PipelineResult(
            null, episodeId, null, number(cost), number(quality), List.of(), error, stage));
  }

  private static String last(String text, String regex) {
    if (regex == null) {
      return null;
    }
    Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
    String found = null;
    while (m.find()) {
      found = m.group(1).strip();
    }
    return found;
  }

  private static Double number(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Double.parseDouble(s.replace(",", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
