package prodbridge.runs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.time.Instant;

/**
 * How results are written as JSON: snake_case, every field present (null when unknown), and under 8
 * KB. Instants are ISO-8601 text ({@link Instant#toString()}, as every earlier build wrote them),
 * read back with {@link Instant#parse}.
 */
public final class ResultJson {
  public static final int MAX_BYTES = 8 * 1024;
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .addModule(
              new SimpleModule("instants")
                  .addSerializer(Instant.class, new InstantText())
                  .addDeserializer(Instant.class, new InstantParse()))
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

  /**
   * The result cut until its JSON fits in {@link #MAX_BYTES}: output files first, then free text.
   */
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

  /** An instant as its ISO-8601 text. */
  private static final class InstantText extends StdScalarSerializer<Instant> {
    InstantText() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  /**
   * ISO-8601 text back to an instant; other text is a mapping error, as for any malformed field.
   */
  private static final class InstantParse extends StdScalarDeserializer<Instant> {
    InstantParse() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      if (text == null) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      try {
        return Instant.parse(text.strip());
      } catch (java.time.format.DateTimeParseException e) {
        return (Instant)
            ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
      }
    }
  }

  private static int bytes(RunResult r) {
    return write(r).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }
}
