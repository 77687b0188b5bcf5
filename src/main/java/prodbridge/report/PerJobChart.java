package prodbridge.report;

import java.awt.Rectangle;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;

/**
 * A figure per job against that job's limit (cost against its budget, peak memory against its
 * memory limit): one bar per job with its limit as a red tick, up to {@link #MAX_BARS} jobs; past
 * that, how many jobs fall in each slice of the figure as a share of the limit, with 100 % marked.
 */
final class PerJobChart {
  static final int MAX_BARS = 60;
  private static final int HISTOGRAM_BINS = 24;

  /**
   * What is drawn: the figure and the limit of a job (null when unknown or unlimited), and how to
   * word them.
   */
  record Measure(
      String title,
      String unit,
      Function<JobRow, Double> value,
      Function<JobRow, Double> limit,
      String limitName) {}

  private PerJobChart() {}

  static JFreeChart chart(List<JobRow> jobs, Measure m) {
    List<JobRow> shown = jobs.stream().filter(j -> m.value().apply(j) != null).toList();
    return shown.size() <= MAX_BARS ? bars(shown, m) : histogram(shown, m);
  }

  private static JFreeChart bars(List<JobRow> jobs, Measure m) {
    DefaultCategoryDataset values = new DefaultCategoryDataset();
    DefaultCategoryDataset limits = new DefaultCategoryDataset();
    for (JobRow j : jobs) {
      String key = BatchTimeline.cut(j.label(), 18);
      values.addValue(m.value().apply(j), m.title(), key);
      Double limit = m.limit().apply(j);
      limits.addValue(limit, m.limitName(), key);
    }
    BarRenderer bars = new BarRenderer();
    bars.setSeriesPaint(0, m.unit().equals("MB") ? Palette.MEMORY : Palette.COST);
    bars.setMaximumBarWidth(0.06);
    LineAndShapeRenderer ticks = new LineAndShapeRenderer(false, true);
    ticks.setSeriesPaint(0, Palette.LIMIT);
    ticks.setSeriesShape(0, new Rectangle(-14, -2, 28, 4));
    CategoryAxis axis = new CategoryAxis("job");
    if (jobs.size() > 8) {
      axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    NumberAxis range = new NumberAxis(m.title() + " (" + m.unit() + ")");
    CategoryPlot plot = new CategoryPlot(values, axis, range, bars);
    plot.setDataset(1, limits);
    plot.setRenderer(1, ticks);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setNoDataMessage("no job has a figure yet");
    boolean anyLimit = jobs.stream().anyMatch(j -> m.limit().apply(j) != null);
    String title =
        m.title()
            + " per job "
            + (anyLimit ? "against its " + m.limitName() : "(no " + m.limitName() + " set)");
    return Palette.themed(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
  }

  private static JFreeChart histogram(List<JobRow> jobs, Measure m) {
    List<JobRow> limited =
        jobs.stream().filter(j -> m.limit().apply(j) != null && m.limit().apply(j) > 0).toList();
    ToDoubleFunction<JobRow> share = j -> 100 * m.value().apply(j) / m.limit().apply(j);
    double[] shares = limited.stream().mapToDouble(share).toArray();
    XYPlot plot;
    String title;
    if (shares.length > 0) {
      HistogramDataset data = new HistogramDataset();
      double top = Math.max(110, java.util.Arrays.stream(shares).max().orElse(100) * 1.02);
      data.addSeries("jobs", shares, HISTOGRAM_BINS, 0, top);
      plot =
          new XYPlot(
              data,
              new NumberAxis(m.title() + " as a share of its " + m.limitName() + " (%)"),
              new NumberAxis("jobs"),
              new XYBarRenderer());
      plot.addDomainMarker(Palette.limit(100, m.limitName()));
      title = m.title() + " against the " + m.limitName() + ": " + limited.size() + " jobs";
    } else {
      HistogramDataset data = new HistogramDataset();
      double[] raw = jobs.stream().mapToDouble(j -> m.value().apply(j)).toArray();
      if (raw.length > 0) {
        data.addSeries("jobs", raw, HISTOGRAM_BINS);
      }
      plot =
          new XYPlot(
              data,
              new NumberAxis(m.title() + " (" + m.unit() + ")"),
              new NumberAxis("jobs"),
              new XYBarRenderer());
      title = m.title() + " of " + jobs.size() + " jobs (no " + m.limitName() + " set)";
    }
    plot.getRenderer().setSeriesPaint(0, m.unit().equals("MB") ? Palette.MEMORY : Palette.COST);
    ((XYBarRenderer) plot.getRenderer()).setDrawBarOutline(false);
    plot.setNoDataMessage("no job has a figure yet");
    return Palette.themed(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
  }
}
