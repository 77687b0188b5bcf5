package prodbridge.reference;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Scores artifacts by measuring them (0 to 10 each); nothing here is a fixed number. */
final class QualityStage {
  private static final Pattern CITATION = Pattern.compile("\\[(\\d+)]");

  private QualityStage() {}

  /** Sources (how many, how varied) and findings (how many are backed by a source). */
  static double research(ResearchNotes notes, Map<String, Object> measured) {
    int sources = notes.sources().size();
    long publishers =
        notes.sources().stream().map(ResearchNotes.Source::publisher).distinct().count();
    long backed = notes.findings().stream().filter(f -> !f.sourceIds().isEmpty()).count();
    measured.put("sources", sources);
    measured.put("distinct_publishers", publishers);
    measured.put("findings", notes.findings().size());
    double s =
        4 * Math.min(1, sources / 12.0)
            + 3 * publishers / (double) Math.max(1, sources)
            + 3 * backed / (double) Math.max(1, notes.findings().size());
    return round(s);
  }

  /**
   * Length against the 27-minute target, structure, how many sources are cited, and balance between
   * hosts.
   */
  static double script(String markdown, int sourceCount, Map<String, Object> measured) {
    List<SpokenLine> lines = SpokenLine.parse(markdown);
    int words = SpokenLine.wordCount(lines);
    int target = ScriptStage.TARGET_MINUTES * ScriptStage.WORDS_PER_MINUTE;
    long segments = markdown.lines().filter(l -> l.startsWith("## Segment")).count();
    Set<Integer> cited = new HashSet<>();
    Matcher m = CITATION.matcher(markdown);
    while (m.find()) {
      cited.add(Integer.parseInt(m.group(1)));
    }
    Map<String, Integer> perHost = new LinkedHashMap<>();
    lines.forEach(l -> perHost.merge(l.speaker(), l.words().length, Integer::sum));
    int a = perHost.values().stream().findFirst().orElse(0);
    int total = perHost.values().stream().mapToInt(Integer::intValue).sum();
    measured.put("spoken_words", words);
    measured.put("estimated_minutes", round(words / (double) ScriptStage.WORDS_PER_MINUTE));
    measured.put("segments", segments);
    measured.put("sources_cited", cited.size());
    double s =
        4 * (1 - Math.min(1, Math.abs(words - target) / (double) target))
            + 2 * Math.min(1, segments / 6.0)
            + 2.5 * Math.min(1, cited.size() / (double) Math.max(1, sourceCount))
            + 1.5 * (total == 0 ? 0 : 1 - Math.abs(2 * a - total) / (double) total);
    return round(s);
  }

  /** Duration against the script's spoken length, clipping, and a natural share of pauses. */
  static double audio(Path wav, int spokenWords, Map<String, Object> measured) throws IOException {
    byte[] data = Files.readAllBytes(wav);
    ByteBuffer h = ByteBuffer.wrap(data, 0, 44).order(ByteOrder.LITTLE_ENDIAN);
    int rate = h.getInt(24);
    int samples = h.getInt(40);
    long clipped = 0;
    long silent = 0;
    for (int i = 44; i < 44 + samples && i < data.length; i++) {
      int v = data[i] & 0xff;
      if (v == 0 || v == 255) clipped++;
      if (Math.abs(v - 128) <= 2) silent++;
    }
    double seconds = samples / (double) rate;
    double expected = spokenWords * 60.0 / ScriptStage.WORDS_PER_MINUTE;
    double silence = silent / (double) Math.max(1, samples);
    measured.put("audio_seconds", round(seconds));
    measured.put("silence_ratio", round(silence * 100) / 100);
    measured.put("clipped_samples", clipped);
    double pauseScore =
        silence >= 0.05 && silence <= 0.35 ? 1 : Math.max(0, 1 - Math.abs(silence - 0.2) * 3);
    double s =
        5 * (1 - Math.min(1, Math.abs(seconds - expected) / Math.max(1, expected)))
            + 2 * (1 - Math.min(1, clipped * 100.0 / Math.max(1, samples)))
            + 3 * pauseScore;
    return round(s);
  }

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
