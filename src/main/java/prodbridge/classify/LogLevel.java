package prodbridge.classify;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The level a log line was written at, read from the common formats wherever the level stands:
 * Python logging's default {@code INFO:name:msg} and asctime forms ({@code 2025-04-27 22:30:00,015
 * INFO pkg - msg}, {@code ... - pkg - INFO - msg}), Java's columns ({@code 12:00:00.123 [main] INFO
 * x.Y - msg}), loguru's {@code | INFO |}, rich's level column, structlog's {@code [info ]} and
 * {@code level=info}, glog's {@code I0427 ...} prefix, and JSON lines with a {@code level}, {@code
 * levelname} or {@code severity} field. Lines in no known format have no level: they are kept.
 */
enum LogLevel {
  TRACE,
  DEBUG,
  INFO,
  WARNING,
  ERROR,
  CRITICAL;

  /** Up to this many header tokens (timestamps, thread, logger) may stand before the level. */
  private static final int MAX_HEADER_TOKENS = 7;

  private static final Pattern JSON_LEVEL =
      Pattern.compile(
          "^\\s*\\{.*?\"(?:level|levelname|log\\.level|severity|lvl)\"\\s*:\\s*\"?(\\w+)\"?");
  private static final Pattern KEY_VALUE_LEVEL =
      Pattern.compile("(?:^|\\s)(?:level|lvl|severity)=[\"']?(\\w+)");

  /**
   * rich's handler leaves the time column blank when it repeats: a level word padded into its
   * column.
   */
  private static final Pattern PADDED_LEVEL_COLUMN =
      Pattern.compile("^\\s{8,}([A-Z]{4,8})\\s{2,}\\S");

  private static final Pattern PADDED_BRACKET = Pattern.compile("\\[\\s*(\\w+)\\s+]");
  private static final Pattern BRACKETED = Pattern.compile("^\\[\\s*(\\w+)\\s*]:?$");
  private static final Pattern TIMESTAMP_PART =
      Pattern.compile(
          "^[\\[(]?\\d[\\d\\-:.,/T+Z]*[\\])]?,?$|^(?:AM|PM|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu"
              + "|Fri|Sat|Sun)[,.]?$");
  private static final Pattern BRACKET_TOKEN = Pattern.compile("^[\\[(<].*[\\])>]:?$");
  private static final Pattern SEPARATOR = Pattern.compile("^(?:-|--|\\||:|>|»|::)$");
  private static final Pattern NAME = Pattern.compile("^[\\w.$@/<>\\-\\[\\]]+:?$");
  private static final Pattern GLOG =
      Pattern.compile("^([IWEF])\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d+\\s+\\d+ \\S+:\\d+]");

  /** The line's level, or null when the line is in no known log format. */
  static LogLevel of(String line) {
    if (line.isBlank()) {
      return null;
    }
    if (Character.isWhitespace(line.charAt(0))) {
      Matcher column = PADDED_LEVEL_COLUMN.matcher(line);
      return column.find() ? upperNamed(column.group(1)) : null;
    }
    Matcher json = JSON_LEVEL.matcher(line);
    if (json.find()) {
      return named(json.group(1));
    }
    Matcher glog = GLOG.matcher(line);
    if (glog.find()) {
      return named(glog.group(1));
    }
    LogLevel fromHeader = fromHeader(line);
    if (fromHeader != null) {
      return fromHeader;
    }
    Matcher kv = KEY_VALUE_LEVEL.matcher(line);
    return kv.find() ? named(kv.group(1)) : null;
  }

  /** True for the levels that only report progress: they never decide a failure's class. */
  boolean belowWarning() {
    return compareTo(WARNING) < 0;
  }

  /**
   * Walks the line's leading tokens while they look like a log header, until a level word stands
   * among them.
   */
  private static LogLevel fromHeader(String line) {
    String header = PADDED_BRACKET.matcher(line).replaceFirst("[$1]").replace("][", "] [");
    String[] tokens = header.split("\\s+", MAX_HEADER_TOKENS + 2);
    int names = 0;
    for (int i = 0; i < Math.min(tokens.length, MAX_HEADER_TOKENS + 1); i++) {
      String t = tokens[i];
      LogLevel level = levelToken(t, i == 0);
      if (level != null) {
        return level;
      }
      if (TIMESTAMP_PART.matcher(t).find()
          || BRACKET_TOKEN.matcher(t).find()
          || SEPARATOR.matcher(t).find()) {
        continue;
      }
      if (NAME.matcher(t).find() && ++names <= 2) {
        continue;
      }
      return null;
    }
    return null;
  }

  /**
   * A header token that is a level: {@code INFO}, {@code INFO:}, {@code [INFO]}, {@code [info ]},
   * {@code INFO:name:msg}.
   */
  private static LogLevel levelToken(String token, boolean first) {
    String t = token;
    if (t.indexOf(':') > 0 && t.indexOf(':') < t.length() - 1) {
      for (String part : t.split(":")) {
        LogLevel level =
            part.isEmpty()
                ? null
                : part.equals(part.toUpperCase(Locale.ROOT)) ? upperNamed(part) : null;
        if (level != null) {
          return level;
        }
        if (first) {
          break;
        }
      }
    }
    Matcher b = BRACKETED.matcher(t);
    if (b.find()) {
      return named(b.group(1));
    }
    if (t.endsWith(":")) {
      t = t.substring(0, t.length() - 1);
    }
    return t.equals(t.toUpperCase(Locale.ROOT)) ? upperNamed(t) : null;
  }

  private static LogLevel upperNamed(String t) {
    return switch (t) {
      case "TRACE", "FINEST", "FINER", "FINE" -> TRACE;
      case "DEBUG" -> DEBUG;
      case "INFO", "NOTICE" -> INFO;
      case "WARN", "WARNING" -> WARNING;
      case "ERROR", "SEVERE" -> ERROR;
      case "CRITICAL", "FATAL", "ALERT", "EMERGENCY" -> CRITICAL;
      default -> null;
    };
  }

  /** A level written in any case, or glog's one letter; null when the word is no level. */
  private static LogLevel named(String word) {
    String w = word.toUpperCase(Locale.ROOT);
    if (w.matches("[1-6]0")) {
      return values()[Math.min(Integer.parseInt(w) / 10 - 1, CRITICAL.ordinal())];
    }
    return switch (w) {
      case "I" -> INFO;
      case "W" -> WARNING;
      case "E" -> ERROR;
      case "F" -> CRITICAL;
      case "DBG" -> DEBUG;
      case "INF" -> INFO;
      case "WRN" -> WARNING;
      case "ERR" -> ERROR;
      case "CRIT" -> CRITICAL;
      default -> upperNamed(w);
    };
  }
}
