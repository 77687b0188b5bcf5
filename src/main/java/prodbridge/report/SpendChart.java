package prodbridge.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * What the whole batch had spent over time (each job's cost counted when it ended) against its
 * total budget; past {@link #MAX_STEPS} jobs, the curve steps once per slice of time instead of
 * once per job.
 */
final class SpendChart {
  static final int MAX_STEPS = 500;

  private SpendChart() {}

  static JFreeChart chart(List<JobRow> jobs, Double totalBudget) {
    XYSeries spent = new XYSeries("spent", true, true);
    spent.add(0, 0);
    double sum = 0;
    List<JobRow> ended =
        jobs.stream()
            .filter(j -> j.cost() != null && j.end() != null)
            .sorted(Comparator.comparingDouble(JobRow::end))
            .toList();
    double slice = ended.isEmpty() ? 1 : ended.get(ended.size() - 1).end() / MAX_STEPS;
    double lastX = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < ended.size(); i++) {
      JobRow j = ended.get(i);
      sum += j.cost();
      boolean last = i == ended.size() - 1;
      if (ended.size() <= MAX_STEPS || last || j.end() - lastX >= slice) {
        spent.add(j.end().doubleValue(), sum, false);
        lastX = j.end();
      }
    }
    spent.fireSeriesChanged();
    XYStepRenderer renderer = new XYStepRenderer();
    renderer.setSeriesPaint(0, Palette.COST);
    renderer.setSeriesStroke(0, new java.awt.BasicStroke(2.5f));
    NumberAxis usd = new NumberAxis("USD");
    XYPlot plot =
        new XYPlot(
            new XYSeriesCollection(spent),
            DurationFormat.axis("time since the batch started"),
            usd,
            renderer);
    String title = String.format(Locale.ROOT, "Batch spend: $%.2f", sum);
    if (totalBudget != null) {
      plot.addRangeMarker(
          Palette.limit(
              totalBudget, String.format(Locale.ROOT, "total budget $%.2f", totalBudget)));
      usd.setRange(0, Math.max(sum, totalBudget) * 1.12);
      title += String.format(Locale.ROOT, " of $%.2f total budget", totalBudget);
    }
    return Palette.themed(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
  }
}
