package prodbridge.runs;

import java.util.Optional;
import prodbridge.config.ResultPatterns;

/**
 * The pipeline's result from its stdout: the last JSON object when there is one, else the text
 * patterns.
 */
public final class PipelineResultReader {
  private PipelineResultReader() {}

  public static Optional<PipelineResult> read(String stdout, ResultPatterns patterns) {
    Optional<PipelineResult> json =
        JsonResultReader.lastObject(stdout).map(JsonResultReader::toResult);
    return json.isPresent() ? json : TextResultReader.read(stdout, patterns);
  }
}
