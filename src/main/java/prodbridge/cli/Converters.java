package prodbridge.cli;

import java.time.Duration;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import prodbridge.config.Budget;
import prodbridge.config.ByteSize;
import prodbridge.config.DurationText;
import prodbridge.config.InvalidValue;
import prodbridge.config.MaxAttempts;
import prodbridge.config.MonitorInterval;
import prodbridge.config.QualityThreshold;

/**
 * Option converters that refuse bad values before anything runs. Each hands the text to its value
 * type, which is the one place its rule lives (the same for config and batch files); picocli adds
 * which option it was.
 */
final class Converters {
  private Converters() {}

  /**
   * Parses with {@code parse}; a refusal becomes picocli's, its message prefixed with {@code what}
   * when set.
   */
  private abstract static class ByValueType<T> implements ITypeConverter<T> {
    private final String what;
    private final Function<String, T> parse;

    ByValueType(String what, Function<String, T> parse) {
      this.what = what;
      this.parse = parse;
    }

    @Override
    public T convert(String value) {
      try {
        return parse.apply(value);
      } catch (InvalidValue e) {
        throw new TypeConversionException(
            what.isEmpty() ? e.getMessage() : what + " " + e.getMessage());
      }
    }
  }

  static final class DurationConverter extends ByValueType<Duration> {
    DurationConverter() {
      super("", DurationText::parse);
    }
  }

  static final class IntervalConverter extends ByValueType<MonitorInterval> {
    IntervalConverter() {
      super("", MonitorInterval::parse);
    }
  }

  static final class SizeConverter extends ByValueType<ByteSize> {
    SizeConverter() {
      super("", ByteSize::parse);
    }
  }

  static final class BudgetConverter extends ByValueType<Budget> {
    BudgetConverter() {
      super("budget", Budget::parse);
    }
  }

  static final class QualityConverter extends ByValueType<QualityThreshold> {
    QualityConverter() {
      super("quality threshold", QualityThreshold::parse);
    }
  }

  static final class AttemptsConverter extends ByValueType<Integer> {
    AttemptsConverter() {
      super("max attempts", text -> MaxAttempts.parse(text).count());
    }
  }

  /** A count for --parallel and --max-failures: a whole number from 1 to 1000. */
  static final class CountConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int n = Integer.parseInt(value.trim());
        if (n >= 1 && n <= 1000) {
          return n;
        }
      } catch (NumberFormatException e) {
        // the message below says what is expected
      }
      throw new TypeConversionException(
          "\"" + value + "\": expected a whole number from 1 to 1000");
    }
  }
}
