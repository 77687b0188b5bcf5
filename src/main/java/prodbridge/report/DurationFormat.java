package prodbridge.report;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;

/**
 * Seconds written as a person reads a duration ({@code 45s}, {@code 3m20s}, {@code 1h05m}), for
 * axes and tables.
 */
final class DurationFormat extends NumberFormat {
  private static final double[] TICKS = {
    0.1, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
    172800, 604800
  };

  static String of(double seconds) {
    long s = Math.round(seconds);
    if (seconds < 10 && Math.abs(seconds - Math.rint(seconds)) > 1e-9) {
      return String.format(Locale.ROOT, "%.1fs", seconds);
    }
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return s % 60 == 0 ? s / 60 + "m" : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    long m = s / 60;
    return m % 60 == 0 ? m / 60 + "h" : String.format(Locale.ROOT, "%dh%02dm", m / 60, m % 60);
  }

  /**
   * An axis of seconds whose ticks fall on whole seconds, minutes and hours, labelled as durations.
   */
  static NumberAxis axis(String label) {
    NumberAxis axis = new NumberAxis(label);
    TickUnits units = new TickUnits();
    for (double t : TICKS) {
      units.add(new NumberTickUnit(t, new DurationFormat()));
    }
    axis.setStandardTickUnits(units);
    axis.setLowerMargin(0.01);
    axis.setUpperMargin(0.02);
    return axis;
  }

  @Override
  public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
    return to.append(of(number));
  }

  @Override
  public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
    return to.append(of(number));
  }

  @Override
  public Number parse(String source, ParsePosition pos) {
    throw new UnsupportedOperationException("durations are only written");
  }
}
