package prodbridge.reference;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which share of overall progress each stage of an invocation covers, and how stage scores combine.
 */
final class StagePlan {
  private static final Map<String, Double> WEIGHTS =
      Map.of("research", 0.25, "script", 0.40, "audio", 0.35);

  private StagePlan() {}

  static Map<String, int[]> ranges(PipelineArgs.Stage stage) {
    Map<String, int[]> r = new LinkedHashMap<>();
    switch (stage) {
      case EPISODE -> {
        r.put("research", new int[] {0, 20});
        r.put("script", new int[] {20, 55});
        r.put("audio", new int[] {55, 90});
        r.put("quality", new int[] {90, 100});
      }
      case SCRIPT -> {
        r.put("research", new int[] {0, 35});
        r.put("script", new int[] {35, 100});
      }
      case RESEARCH -> r.put("research", new int[] {0, 100});
      case AUDIO -> r.put("audio", new int[] {0, 100});
    }
    return r;
  }

  /** The weighted mean of the stage scores this invocation measured. */
  static double overall(Map<String, Double> scores) {
    double sum = 0;
    double weight = 0;
    for (Map.Entry<String, Double> e : scores.entrySet()) {
      double w = WEIGHTS.getOrDefault(e.getKey(), 0.0);
      sum += w * e.getValue();
      weight += w;
    }
    return weight == 0 ? 0 : QualityStage.round(sum / weight);
  }
}
