package prodbridge.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import prodbridge.classify.ErrorType;

class ResultJsonTest {
  @Test
  void aHugeResultIsCutUnderEightKilobytesFilesFirst() {
    RunResult big = result(5000, 500);
    RunResult cut = ResultJson.bounded(big);
    assertThat(ResultJson.write(cut).getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(ResultJson.MAX_BYTES);
    assertThat(cut.outputFiles().size() + cut.outputFilesOmitted()).isEqualTo(500);
    assertThat(cut.errorType()).isEqualTo(ErrorType.EXECUTION_ERROR);
  }

  @Test
  void aStateWrittenByAnEarlierBuildIsReadAsInstantsAndWrittenBackToTheSameText() throws Exception {
    String old =
        "{\"run_id\":\"20261201-100000-abcd\",\"command\":\"prod-episode\",\"topic\":\"t\","
            + "\"episode_id\":\"e\",\"status\":\"error\",\"detached\":true,\"supervisor_pid\":12,"
            + "\"supervisor_start_ticks\":34,\"child_pid\":56,\"child_start_ticks\":78,\"marker\":\"m=r\","
            + "\"attempt\":2,\"stage\":\"script\",\"progress\":40,\"cost\":0.5,\"budget\":5.51,"
            + "\"quality_threshold\":8.0,\"memory_mb\":300,\"started_at\":\"2026-12-01T10:00:00.123456Z\","
            + "\"heartbeat\":\"2026-12-01T10:00:05Z\",\"ended_at\":\"2026-12-01T10:00:05.5Z\",\"run_dir\":\"/runs/r\","
            + "\"boot_id\":\"b\",\"heartbeat_monotonic_ns\":99}";
    RunState state = ResultJson.mapper().readValue(old, RunState.class);
    assertThat(state.startedAt()).isEqualTo(java.time.Instant.parse("2026-12-01T10:00:00.123456Z"));
    assertThat(state.heartbeat()).isBefore(state.endedAt());
    assertThat(ResultJson.write(state)).isEqualTo(old.replace("05.5Z", "05.500Z"));
    assertThat(state.toBuilder().build()).isEqualTo(state);
  }

  @Test
  void aChangeOfStateKeepsEveryOtherField() {
    java.time.Instant start = java.time.Instant.parse("2026-12-01T10:00:00Z");
    RunState running =
        RunState.builder()
            .run("r", "run", "t", null)
            .status(RunState.RUNNING)
            .supervisor(12, 34)
            .limits(5.0, 8.0)
            .startedAt(start)
            .heartbeat(start)
            .runDir("/runs/r")
            .build();
    RunState ended =
        running
            .withChild(56, 78, 1)
            .withFigures("script", 40, 0.5, 300L)
            .ended("success", start.plusSeconds(5));
    assertThat(ended)
        .isEqualTo(
            new RunState(
                "r",
                "run",
                "t",
                null,
                "success",
                false,
                12,
                34,
                56,
                78,
                null,
                1,
                "script",
                40,
                0.5,
                5.0,
                8.0,
                300L,
                start,
                start.plusSeconds(5),
                start.plusSeconds(5),
                "/runs/r",
                null,
                null));
    assertThat(ended.ended(RunState.RUNNING, start).endedAt()).isNull();
  }

  @Test
  void filesAreCutBeforeAnyTextAndTextOnlyOnceNoFileIsLeft() {
    RunResult fitsWithSomeFiles = ResultJson.bounded(result(300, 500));
    assertThat(fitsWithSomeFiles.outputFiles())
        .as("files are cut first, and only as far as needed")
        .isNotEmpty()
        .hasSizeLessThan(500);
    assertThat(fitsWithSomeFiles.outputFiles().size() + fitsWithSomeFiles.outputFilesOmitted())
        .isEqualTo(500);
    assertThat(fitsWithSomeFiles.topic()).as("no text is cut while files can go").hasSize(300);
    assertThat(fitsWithSomeFiles.errorMessage()).hasSize(300);
    assertThat(fitsWithSomeFiles.stderrTail()).hasSize(300);

    RunResult textCut = ResultJson.bounded(result(5000, 50));
    assertThat(textCut.outputFiles()).as("every file is cut before the text").isEmpty();
    assertThat(textCut.outputFilesOmitted()).isEqualTo(50);
    assertThat(textCut.errorMessage().length()).isLessThan(5000);
    assertThat(ResultJson.write(textCut).getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(ResultJson.MAX_BYTES);
  }

  private static RunResult result(int textChars, int fileCount) {
    List<OutputFile> files = new ArrayList<>();
    for (int i = 0; i < fileCount; i++) {
      files.add(new OutputFile("/very/long/path/" + "d".repeat(100) + "/file-" + i + ".json", i));
    }
    return RunResult.builder()
        .command("prod-episode")
        .runId("r")
        .episodeId("e")
        .topic("t".repeat(textChars))
        .status(RunStatus.ERROR)
        .errorType(ErrorType.EXECUTION_ERROR)
        .errorMessage("m".repeat(textChars))
        .hint("h")
        .finalCost(1.0)
        .budget(5.51)
        .qualityScore(8.0)
        .qualityThreshold(8.0)
        .outputFiles(files)
        .executionTime(1.0)
        .exitCode(1)
        .attempts(List.of())
        .processesEnded(new RunResult.ProcessesEnded(0, 0))
        .stderrTail("s".repeat(textChars))
        .runDir("/d")
        .logs(new RunResult.Logs("/o", "/e"))
        .build();
  }
}
