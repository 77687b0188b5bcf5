package prodbridge.runs;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the pipeline said about its own run, from its final JSON object or its text summary; any
 * field may be null when the pipeline did not say it.
 */
public record PipelineResult(
    String status,
    String episodeId,
    String topic,
    Double totalCost,
    Double quality,
    List<String> outputFiles,
    String error,
    String finalStage) {
  private static final Set<String> SUCCESS =
      Set.of("completed", "complete", "success", "succeeded", "ok", "done");

  public PipelineResult {
    outputFiles = outputFiles == null ? List.of() : List.copyOf(outputFiles);
  }

  /**
   * True when the pipeline stated an outcome other than success (status, or a final stage short of
   * done).
   */
  public boolean failed() {
    if (status != null) {
      return !SUCCESS.contains(status.toLowerCase(Locale.ROOT));
    }
    return finalStage != null && !SUCCESS.contains(finalStage.toLowerCase(Locale.ROOT));
  }
}
