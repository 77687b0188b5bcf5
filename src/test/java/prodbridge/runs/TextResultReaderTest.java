package prodbridge.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import prodbridge.config.ConfigLoader;
import prodbridge.config.ProfileSettings;
import prodbridge.config.ResultPatterns;

/** The real pipeline's text banner, read with the shipped langgraph profile's own patterns. */
class TextResultReaderTest {
  private static final ResultPatterns LANGGRAPH = langgraphPatterns();

  private static ResultPatterns langgraphPatterns() {
    try {
      Path dir = java.nio.file.Files.createTempDirectory("cfg");
      Path file = dir.resolve("c.json");
      java.nio.file.Files.writeString(file, "{\"pipeline\": \"langgraph\"}");
      return new ConfigLoader(Map.of(), dir)
          .load(file, ProfileSettings.NONE)
          .profile("prod-episode")
          .resultPatterns();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void readsTheCompletionBanner() {
    String stdout =
        """
        [research] gathering sources...
        ============================================================
        PODCAST PRODUCTION COMPLETE
        ============================================================
        Episode ID: ep_20251208_070000_1a2b3c4d
        Topic: Why do we dream?
        Final Stage: completed
        Total Cost: $4.87
        Budget Used: 88.4%

        Quality Scores:
          overall: 8.5/10
          script: 8.9/10

        Outputs Generated:
          - script: output/script-ep_20251208_070000_1a2b3c4d.md
        """;
    PipelineResult r = PipelineResultReader.read(stdout, LANGGRAPH).orElseThrow();
    assertThat(r.episodeId()).isEqualTo("ep_20251208_070000_1a2b3c4d");
    assertThat(r.totalCost()).isEqualTo(4.87);
    assertThat(r.quality()).isEqualTo(8.5);
    assertThat(r.finalStage()).isEqualTo("completed");
    assertThat(r.failed()).isFalse();
  }

  @Test
  void readsAFailureLine() {
    String stdout =
        "Final Stage: script\nTotal Cost: $1.20\nError: Budget exceeded during script\n";
    PipelineResult r = PipelineResultReader.read(stdout, LANGGRAPH).orElseThrow();
    assertThat(r.error()).isEqualTo("Budget exceeded during script");
    assertThat(r.failed()).isTrue();
  }

  @Test
  void nothingMatchedIsNoResult() {
    assertThat(PipelineResultReader.read("hello\n", LANGGRAPH)).isEmpty();
    assertThat(PipelineResultReader.read("Total Cost: $1.00\n", null)).isEmpty();
  }
}
