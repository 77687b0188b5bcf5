package prodbridge.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;

/**
 * The batch's main chart. Up to {@link #MAX_LANES} jobs: one lane per job, a bar from its start to
 * its end coloured by outcome, and before it a lighter bar while it waited for budget or memory.
 * More jobs than that no longer read as lanes, so the chart shows how many jobs ran at once, by
 * outcome, and how many waited, over {@link #BINS} slices of the batch's time.
 */
final class BatchTimeline {
  static final int MAX_LANES = 150;
  static final int BINS = 200;
  private static final int MAX_LABELLED_LANES = 40;

  private BatchTimeline() {}

  static boolean aggregated(List<JobRow> jobs) {
    return jobs.size() > MAX_LANES;
  }

  static JFreeChart chart(List<JobRow> jobs) {
    return aggregated(jobs) ? concurrency(jobs) : lanes(jobs);
  }

  private static JFreeChart lanes(List<JobRow> jobs) {
    double span =
        Math.max(1, jobs.stream().mapToDouble(j -> j.end() == null ? 0 : j.end()).max().orElse(1));
    double tick = span / 300;
    Map<Palette, XYIntervalSeries> series = new EnumMap<>(Palette.class);
    for (Palette p : Palette.values()) {
      series.put(p, new XYIntervalSeries(p.label));
    }
    for (int lane = 0; lane < jobs.size(); lane++) {
      JobRow j = jobs.get(lane);
      if (j.waitFrom() != null && j.waitTo() != null) {
        add(series.get(Palette.waitFor(j.waitReason())), lane, j.waitFrom(), j.waitTo());
      }
      if (j.start() != null && j.end() != null) {
        add(
            series.get(Palette.of(j.status())),
            lane,
            j.start(),
            Math.max(j.end(), j.start() + tick));
      } else if (j.end() != null) {
        add(series.get(Palette.of(j.status())), lane, j.end(), j.end() + tick);
      }
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    XYBarRenderer renderer = new XYBarRenderer();
    renderer.setUseYInterval(true);
    renderer.setDrawBarOutline(false);
    for (Palette p : Palette.values()) {
      if (series.get(p).getItemCount() > 0) {
        renderer.setSeriesPaint(data.getSeriesCount(), p.color);
        data.addSeries(series.get(p));
      }
    }
    NumberAxis laneAxis;
    if (jobs.size() <= MAX_LABELLED_LANES) {
      laneAxis =
          new SymbolAxis("job", jobs.stream().map(j -> cut(j.label(), 28)).toArray(String[]::new));
      ((SymbolAxis) laneAxis).setGridBandsVisible(false);
    } else {
      laneAxis = new NumberAxis("job (in file order)");
      laneAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }
    laneAxis.setInverted(true);
    laneAxis.setRange(-0.6, jobs.size() - 0.4);
    XYPlot plot =
        new XYPlot(data, DurationFormat.axis("time since the batch started"), laneAxis, renderer);
    plot.setRangeGridlinesVisible(false);
    JFreeChart chart =
        new JFreeChart("Jobs over time, by outcome", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    return Palette.themed(chart);
  }

  private static void add(XYIntervalSeries s, int lane, double from, double to) {
    s.add(from, from, to, lane, lane - 0.38, lane + 0.38);
  }

  /** Jobs running at once (by outcome) and waiting, averaged over each slice of time, stacked. */
  private static JFreeChart concurrency(List<JobRow> jobs) {
    double span =
        Math.max(1, jobs.stream().mapToDouble(j -> j.end() == null ? 0 : j.end()).max().orElse(1));
    double width = span / BINS;
    Map<Palette, double[]> load = new EnumMap<>(Palette.class);
    for (JobRow j : jobs) {
      if (j.waitFrom() != null && j.waitTo() != null) {
        spread(
            load.computeIfAbsent(Palette.waitFor(j.waitReason()), p -> new double[BINS]),
            j.waitFrom(),
            j.waitTo(),
            width);
      }
      if (j.start() != null && j.end() != null) {
        spread(
            load.computeIfAbsent(Palette.of(j.status()), p -> new double[BINS]),
            j.start(),
            j.end(),
            width);
      }
    }
    DefaultTableXYDataset data = new DefaultTableXYDataset();
    StackedXYBarRenderer renderer = new StackedXYBarRenderer(0.0);
    renderer.setDrawBarOutline(false);
    for (Palette p : Palette.values()) {
      double[] bins = load.get(p);
      if (bins == null) {
        continue;
      }
      XYSeries s = new XYSeries(p.label, true, false);
      for (int b = 0; b < BINS; b++) {
        s.add((b + 0.5) * width, bins[b], false);
      }
      renderer.setSeriesPaint(data.getSeriesCount(), p.color);
      data.addSeries(s);
    }
    data.setIntervalWidth(width);
    NumberAxis count =
        new NumberAxis("jobs at once (average over " + DurationFormat.of(width) + ")");
    XYPlot plot =
        new XYPlot(data, DurationFormat.axis("time since the batch started"), count, renderer);
    JFreeChart chart =
        new JFreeChart(
            String.format(java.util.Locale.ROOT, "%,d", jobs.size())
                + " jobs over time: how many ran at once, by outcome, and waited",
            JFreeChart.DEFAULT_TITLE_FONT,
            plot,
            true);
    return Palette.themed(chart);
  }

  /** Adds to each slice the share of it that {@code from..to} covers. */
  private static void spread(double[] bins, double from, double to, double width) {
    int first = Math.max(0, Math.min(BINS - 1, (int) (from / width)));
    int last = Math.max(0, Math.min(BINS - 1, (int) (to / width)));
    for (int b = first; b <= last; b++) {
      double lo = Math.max(from, b * width);
      double hi = Math.min(to, (b + 1) * width);
      if (hi > lo) {
        bins[b] += (hi - lo) / width;
      }
    }
  }

  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
