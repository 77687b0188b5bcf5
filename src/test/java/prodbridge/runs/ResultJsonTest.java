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
    List<OutputFile> files = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      files.add(new OutputFile("/very/long/path/" + "d".repeat(100) + "/file-" + i + ".json", i));
    }
    RunResult big = new RunResult("prod-episode", "r", "e", "t".repeat(5000), RunStatus.ERROR,
        ErrorType.EXECUTION_ERROR, "m".repeat(5000), "h", 1.0, 5.51, 8.0, 8.0, files, 0, 1.0, 1, null, List.of(), null,
        new RunResult.ProcessesEnded(0, 0), "s".repeat(5000), "/d", new RunResult.Logs("/o", "/e"));
    RunResult cut = ResultJson.bounded(big);
    assertThat(ResultJson.write(cut).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ResultJson.MAX_BYTES);
    assertThat(cut.outputFiles().size() + cut.outputFilesOmitted()).isEqualTo(500);
    assertThat(cut.errorType()).isEqualTo(ErrorType.EXECUTION_ERROR);
  }
}
