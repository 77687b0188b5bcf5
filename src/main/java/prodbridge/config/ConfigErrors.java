package prodbridge.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.List;
import java.util.stream.Collectors;

/** Turns Jackson's exceptions into one line naming the file, line:column, key and what is wrong. */
final class ConfigErrors {
  private ConfigErrors() {}

  static UsageException describe(String source, JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    if ((e instanceof UnrecognizedPropertyException || e instanceof ValueInstantiationException)
        && e instanceof JsonMappingException m) {
      // Jackson reports these where it finished reading the enclosing object (records are read
      // whole first):
      // point at the key itself instead.
      JsonLocation key = keyLocation(source, m.getPath());
      if (key != null) {
        loc = key;
      }
    }
    String where = source;
    if (loc != null && loc.getLineNr() > 0) {
      where += ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }
    String key = e instanceof JsonMappingException m ? keyPath(m.getPath()) : "";
    return new UsageException(where + ": " + (key.isEmpty() ? "" : key + ": ") + what(e));
  }

  private static String what(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      String known =
          u.getKnownPropertyIds().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.joining(", "));
      return "unknown key \"" + u.getPropertyName() + "\" (known keys: " + known + ")";
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      return v.getCause().getMessage();
    }
    String original =
        firstLine(e.getOriginalMessage()).replaceAll("\\s*\\(start marker at .*$", "");
    if (e instanceof com.fasterxml.jackson.core.JsonParseException
        || e.getCause() instanceof com.fasterxml.jackson.core.JsonParseException
        || original.startsWith("Unexpected end-of-input")) {
      return "not valid JSON: " + original;
    }
    if (e instanceof InvalidFormatException && !original.startsWith("Cannot")) {
      return original;
    }
    if (e instanceof MismatchedInputException m) {
      if ((original.startsWith("Cannot") || original.startsWith("Unexpected token"))
          && m.getTargetType() != null) {
        return "wrong type: expected " + typeName(m.getTargetType());
      }
      return original;
    }
    return e instanceof JsonMappingException ? original : "not valid JSON: " + original;
  }

  /**
   * Where the key at {@code path} starts in file {@code source}; null when it cannot be found
   * again.
   */
  private static JsonLocation keyLocation(
      String source, List<JsonMappingException.Reference> path) {
    java.nio.file.Path file = java.nio.file.Path.of(source);
    if (path.isEmpty() || !java.nio.file.Files.isRegularFile(file)) {
      return null;
    }
    StringBuilder target = new StringBuilder();
    for (JsonMappingException.Reference r : path) {
      target
          .append('/')
          .append(
              r.getFieldName() != null
                  ? r.getFieldName().replace("~", "~0").replace("/", "~1")
                  : String.valueOf(r.getIndex()));
    }
    try (var p = ConfigJson.mapper().getFactory().createParser(file.toFile())) {
      for (var t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME
            && p.getParsingContext().pathAsPointer().toString().equals(target.toString())) {
          return p.currentTokenLocation();
        }
      }
    } catch (java.io.IOException | RuntimeException notFound) {
      return null;
    }
    return null;
  }

  private static String keyPath(List<JsonMappingException.Reference> path) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : path) {
      if (r.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String typeName(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || type == double.class || type == int.class) {
      return "a number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    return type.getSimpleName();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
