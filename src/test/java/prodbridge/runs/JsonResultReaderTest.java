package prodbridge.runs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonResultReaderTest {
  private static PipelineResult read(String stdout) {
    return PipelineResultReader.read(stdout, null).orElse(null);
  }

  @Test
  void readsAPrettyPrintedResultWithNestedObjectsFollowedByText() {
    String stdout =
        """
        {"event": "stage_started", "stage": "research", "progress": 0, "cost": 0.0}
        {"event": "progress", "stage": "research", "progress": 50, "cost": 0.12}
        {
          "status": "completed",
          "episode_id": "ep_1",
          "total_cost": 2.31,
          "overall_quality": 8.7,
          "quality_scores": {"research": 9.0, "script": {"nested": {"deep": 1}}},
          "output_files": [
            {"path": "/x/script.md", "bytes": 10},
            "/x/audio.wav"
          ],
          "error": null
        }
        episode ep_1 completed in 3.2s
        """;
    PipelineResult r = read(stdout);
    assertThat(r.status()).isEqualTo("completed");
    assertThat(r.episodeId()).isEqualTo("ep_1");
    assertThat(r.totalCost()).isEqualTo(2.31);
    assertThat(r.quality()).isEqualTo(8.7);
    assertThat(r.outputFiles()).containsExactly("/x/script.md", "/x/audio.wav");
    assertThat(r.error()).isNull();
    assertThat(r.failed()).isFalse();
  }

  @Test
  void theLastTopLevelObjectWinsNotAnObjectNestedInIt() {
    String stdout =
        """
        {"status": "failed", "error": "first attempt"}
        log line with a { brace that is not json
        {"status": "completed",
         "result": {"status": "nested-should-not-win"},
         "quality_score": 9.1}
        """;
    PipelineResult r = read(stdout);
    assertThat(r.status()).isEqualTo("completed");
    assertThat(r.quality()).isEqualTo(9.1);
  }

  @Test
  void progressEventsAreNotResultsButAResultEventIs() {
    assertThat(read("{\"event\": \"progress\", \"cost\": 1.0}\n")).isNull();
    PipelineResult r = read("{\"event\": \"result\", \"status\": \"ok\", \"total_cost\": 1.5}\n");
    assertThat(r.totalCost()).isEqualTo(1.5);
    assertThat(r.failed()).isFalse();
  }

  @Test
  void noJsonAtAllIsNoResult() {
    assertThat(read("")).isNull();
    assertThat(read("PODCAST PRODUCTION COMPLETE\nTotal Cost: $1.00\n")).isNull();
    assertThat(read("{ this is not json }\n{\"unterminated\": \n")).isNull();
  }

  @Test
  void aStatusOtherThanSuccessIsAFailureWithItsError() {
    PipelineResult r =
        read("{\"status\": \"failed\", \"error\": \"Budget exceeded\", \"cost\": \"$6.10\"}");
    assertThat(r.failed()).isTrue();
    assertThat(r.error()).isEqualTo("Budget exceeded");
    assertThat(r.totalCost()).isEqualTo(6.10);
  }

  @Test
  void anObjectMustStartALine() {
    assertThat(read("result: {\"status\": \"completed\"}\n")).isNull();
    assertThat(read("   \t{\"status\": \"completed\"}   trailing words\n").status())
        .isEqualTo("completed");
  }
}
