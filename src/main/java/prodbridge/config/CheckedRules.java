package prodbridge.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import prodbridge.classify.ErrorType;
import prodbridge.classify.SignalName;

/**
 * Deserializers for the error rules, checked where each value is read so errors name its line and
 * column.
 */
final class CheckedRules {
  private CheckedRules() {}

  /** A Java regular expression that compiles. */
  static final class Regex extends JsonDeserializer<Pattern> {
    @Override
    public Pattern deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = string(p, Pattern.class, "a regular expression");
      try {
        return Pattern.compile(text);
      } catch (PatternSyntaxException e) {
        throw InvalidFormatException.from(
            p,
            "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex(),
            text,
            Pattern.class);
      }
    }
  }

  /** One of the error classes, by name. */
  static final class ErrorTypeName extends JsonDeserializer<ErrorType> {
    @Override
    public ErrorType deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = string(p, ErrorType.class, "an error type");
      try {
        return ErrorType.valueOf(text);
      } catch (IllegalArgumentException e) {
        String known =
            Arrays.stream(ErrorType.values()).map(Enum::name).collect(Collectors.joining(", "));
        throw InvalidFormatException.from(
            p,
            "unknown error type \"" + text + "\" (one of: " + known + ")",
            text,
            ErrorType.class);
      }
    }
  }

  /** An exit code a failed child can have: 1 to 255. */
  static final class ExitCode extends JsonDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
          || p.getLongValue() < 1
          || p.getLongValue() > 255) {
        throw MismatchedInputException.from(
            p, Integer.class, "expected an exit code from 1 to 255");
      }
      return p.getIntValue();
    }
  }

  /** A signal by name ("SIGTERM", "TERM") or number, read as its number. */
  static final class SignalValue extends JsonDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text =
          p.currentToken() == JsonToken.VALUE_NUMBER_INT
              ? p.getText()
              : string(p, Integer.class, "a signal");
      var n = SignalName.number(text);
      if (n.isEmpty()) {
        throw InvalidFormatException.from(
            p, "unknown signal \"" + text + "\" (like \"SIGTERM\" or 15)", text, Integer.class);
      }
      return n.getAsInt();
    }
  }

  private static String string(JsonParser p, Class<?> type, String what) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw MismatchedInputException.from(p, type, "expected " + what + " in quotes");
    }
    return p.getText();
  }
}
