package prodbridge.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import prodbridge.config.DurationText;

/** Option converters that refuse bad values before anything runs. */
final class Converters {
  private Converters() {}

  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return DurationText.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class IntervalConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration d = new DurationConverter().convert(value);
      if (d.toMillis() < 100) {
        throw new TypeConversionException("monitor interval \"" + value + "\": must be at least 100ms");
      }
      return d;
    }
  }

  static final class SizeConverter implements ITypeConverter<prodbridge.config.ByteSize> {
    @Override
    public prodbridge.config.ByteSize convert(String value) {
      try {
        return prodbridge.config.ByteSize.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
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
      throw new TypeConversionException("\"" + value + "\": expected a whole number from 1 to 1000");
    }
  }

  static final class BudgetConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double d = number(value, "budget");
      if (!(d > 0) || Double.isInfinite(d)) {
        throw new TypeConversionException("budget \"" + value + "\": must be greater than zero (USD)");
      }
      return d;
    }
  }

  static final class QualityConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double d = number(value, "quality threshold");
      if (!(d >= 0 && d <= 10)) {
        throw new TypeConversionException("quality threshold \"" + value + "\": must be between 0 and 10");
      }
      return d;
    }
  }

  static final class AttemptsConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int n = Integer.parseInt(value.trim());
        if (n >= 1 && n <= 20) {
          return n;
        }
      } catch (NumberFormatException e) {
        // the message below says what is expected
      }
      throw new TypeConversionException("max attempts \"" + value + "\": expected a whole number from 1 to 20");
    }
  }

  private static double number(String value, String what) {
    try {
      return Double.parseDouble(value.replace("$", "").trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException(what + " \"" + value + "\": not a number");
    }
  }
}
