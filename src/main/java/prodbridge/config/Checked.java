package prodbridge.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Deserializers that check a value where it is read, so an error names the line and column of the
 * bad value, not of the end of the enclosing object.
 */
final class Checked {
  private Checked() {}

  /**
   * A positive duration written as text ("30m"); a bare number is refused because its unit is a
   * guess.
   */
  static final class DurationValue extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw MismatchedInputException.from(
            p, Duration.class, "expected a duration in quotes, like \"30m\" or \"250ms\"");
      }
      try {
        return DurationText.parse(p.getText());
      } catch (InvalidValue e) {
        throw InvalidFormatException.from(p, e.getMessage(), p.getText(), Duration.class);
      }
    }
  }

  /** A sampling interval: a duration that {@link MonitorInterval} accepts. */
  static final class Interval extends JsonDeserializer<MonitorInterval> {
    @Override
    public MonitorInterval deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Duration d = new DurationValue().deserialize(p, ctxt);
      try {
        return new MonitorInterval(d);
      } catch (InvalidValue e) {
        throw InvalidFormatException.from(p, e.getMessage(), p.getText(), MonitorInterval.class);
      }
    }
  }

  /** A memory size written as text ("512MB"). */
  static final class SizeValue extends JsonDeserializer<ByteSize> {
    @Override
    public ByteSize deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw MismatchedInputException.from(
            p, ByteSize.class, "expected a size in quotes, like \"512MB\" or \"2GB\"");
      }
      try {
        return ByteSize.parse(p.getText());
      } catch (InvalidValue e) {
        throw InvalidFormatException.from(p, e.getMessage(), p.getText(), ByteSize.class);
      }
    }
  }

  /** A budget in USD: a number that {@link Budget} accepts. */
  static final class BudgetValue extends JsonDeserializer<Budget> {
    @Override
    public Budget deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      double value = number(p);
      try {
        return new Budget(value);
      } catch (InvalidValue e) {
        throw InvalidFormatException.from(p, e.getMessage(), value, Budget.class);
      }
    }
  }

  /** A quality threshold: a number that {@link QualityThreshold} accepts. */
  static final class QualityScore extends JsonDeserializer<QualityThreshold> {
    @Override
    public QualityThreshold deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      double value = number(p);
      try {
        return new QualityThreshold(value);
      } catch (InvalidValue e) {
        throw InvalidFormatException.from(p, e.getMessage(), value, QualityThreshold.class);
      }
    }
  }

  /** A number of attempts: a whole number that {@link MaxAttempts} accepts. */
  static final class AttemptCount extends JsonDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
        throw MismatchedInputException.from(p, Integer.class, MaxAttempts.RANGE);
      }
      try {
        return MaxAttempts.of(p.getLongValue()).count();
      } catch (InvalidValue e) {
        throw MismatchedInputException.from(p, Integer.class, e.getMessage());
      }
    }
  }

  /** A backoff multiplier: 1 (constant waits) to 10. */
  static final class Multiplier extends JsonDeserializer<Double> {
    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      double value = number(p);
      if (!(value >= 1 && value <= 10)) {
        throw InvalidFormatException.from(p, "must be between 1 and 10", value, Double.class);
      }
      return value;
    }
  }

  /** A fraction from 0 to 1. */
  static final class Fraction extends JsonDeserializer<Double> {
    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      double value = number(p);
      if (!(value >= 0 && value <= 1)) {
        throw InvalidFormatException.from(p, "must be between 0 and 1", value, Double.class);
      }
      return value;
    }
  }

  /** An argv template: a list of strings whose placeholders are all known. */
  static final class ArgvTemplate extends JsonDeserializer<List<String>> {
    @Override
    public List<String> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw MismatchedInputException.from(
            p, List.class, "expected a list of strings, like [\"python\", \"main.py\"]");
      }
      List<String> argv = new ArrayList<>();
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t != JsonToken.VALUE_STRING) {
          throw MismatchedInputException.from(
              p, String.class, "expected a string in the argv list");
        }
        List<String> unknown = Placeholders.unknownIn(p.getText());
        if (!unknown.isEmpty()) {
          throw InvalidFormatException.from(
              p,
              "unknown placeholder {" + unknown.get(0) + "}; known: " + String.join(", ", sorted()),
              p.getText(),
              String.class);
        }
        argv.add(p.getText());
      }
      return List.copyOf(argv);
    }

    private static List<String> sorted() {
      return Placeholders.KNOWN.stream().sorted().map(n -> "{" + n + "}").toList();
    }
  }

  private static double number(JsonParser p) throws IOException {
    if (!p.currentToken().isNumeric()) {
      throw MismatchedInputException.from(p, Double.class, "expected a number");
    }
    return p.getDoubleValue();
  }
}
