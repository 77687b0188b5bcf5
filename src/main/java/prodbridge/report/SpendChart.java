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

/** What the whole batch had spent over time (each job's cost counted when it ended) against its total budget. */
final class SpendChart {
  private SpendChart() {}

  static JFreeChart chart(List<JobRow> jobs, Double totalBudget) {
    XYSeries spent = new XYSeries("spent", true, true);
    spent.add(0, 0);
    double sum = 0;
    List<JobRow> ended = jobs.stream().filter(j -> j.cost() != null && j.end() != null)
        .sorted(Comparator.comparingDouble(JobRow::end)).toList();
    for (JobRow j : ended) {
      sum += j.cost();
      spent.add(j.end().doubleValue(), sum, false);
    }
    spent.fireSeriesChanged();
    XYStepRenderer renderer = new XYStepRenderer();
    renderer.setSeriesPaint(0, Palette.COST);
    renderer.setSeriesStroke(0, new java.awt.BasicStroke(2.5f));
    NumberAxis usd = new NumberAxis("USD");
    XYPlot plot = new XYPlot(new XYSeriesCollection(spent), DurationFormat.axis("time since the batch started"), usd,
        renderer);
    String title = String.format(Locale.ROOT, "Batch spend: $%.2f", sum);
    if (totalBudget != null) {
      plot.addRangeMarker(Palette.limit(totalBudget, String.format(Locale.ROOT, "total budget $%.2f", totalBudget)));
      usd.setRange(0, Math.max(sum, totalBudget) * 1.12);
      title += String.format(Locale.ROOT, " of $%.2f total budget", totalBudget);
    }
    return Palette.themed(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
  }
}
