package prodbridge.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import prodbridge.config.Budget;
import prodbridge.config.DurationText;
import prodbridge.config.InvalidValue;
import prodbridge.config.MaxAttempts;
import prodbridge.config.MonitorInterval;
import prodbridge.config.QualityThreshold;

/** Option converters that refuse bad values before anything runs. */
final class Converters {
  private Converters() {}

  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return DurationText.parse(value);
      } catch (InvalidValue e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class IntervalConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return MonitorInterval.parse(value).value();
      } catch (InvalidValue e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class SizeConverter implements ITypeConverter<prodbridge.config.ByteSize> {
    @Override
    public prodbridge.config.ByteSize convert(String value) {
      try {
        return prodbridge.config.ByteSize.parse(value);
      } catch (InvalidValue e) {
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
      try {
        return Budget.parse(value).usd();
      } catch (InvalidValue e) {
        throw new TypeConversionException("budget " + e.getMessage());
      }
    }
  }

  static final class QualityConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      try {
        return QualityThreshold.parse(value).score();
      } catch (InvalidValue e) {
        throw new TypeConversionException("quality threshold " + e.getMessage());
      }
    }
  }

  static final class AttemptsConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        return MaxAttempts.parse(value).count();
      } catch (InvalidValue e) {
        throw new TypeConversionException("max attempts " + e.getMessage());
      }
    }
  }
}
