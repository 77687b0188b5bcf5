package prodbridge.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** How results are written as JSON: snake_case, every field present (null when unknown), and under 8 KB. */
public final class ResultJson {
  public static final int MAX_BYTES = 8 * 1024;
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private ResultJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write result as JSON", e);
    }
  }

  /** The result cut until its JSON fits in {@link #MAX_BYTES}: output files first, then free text. */
  static RunResult bounded(RunResult result) {
    RunResult r = result;
    while (bytes(r) > MAX_BYTES && !r.outputFiles().isEmpty()) {
      r = r.withFilesCut(r.outputFiles().size() / 2);
    }
    for (int chars = 1000; bytes(r) > MAX_BYTES && chars >= 100; chars /= 2) {
      r = r.withTextCut(chars);
    }
    return r;
  }

  private static int bytes(RunResult r) {
    return write(r).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }
}
