package prodbridge.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A run's main chart, three plots over one time axis: the stages it went through, its cost against
 * its budget, and its process tree's memory against the memory limit; each attempt's start is
 * marked on all three.
 */
final class RunChart {
  private static final Color[] STAGES = {
    new Color(0x5c6bc0),
    new Color(0x26a69a),
    new Color(0xffa726),
    new Color(0xab47bc),
    new Color(0x8d6e63),
    new Color(0x78909c)
  };

  private RunChart() {}

  /**
   * {@code finalCost} (null when unknown) is drawn at the run's end: the pipeline's last word on
   * it.
   */
  static JFreeChart chart(
      RunTrace trace, Double budget, Long memoryLimitMb, Double finalCost, String title) {
    CombinedDomainXYPlot plot =
        new CombinedDomainXYPlot(DurationFormat.axis("time since the run started"));
    plot.setGap(12);
    plot.add(stages(trace), 1);
    plot.add(cost(trace, budget, finalCost), 2);
    plot.add(memory(trace, memoryLimitMb), 2);
    for (int i = 1; i < trace.attemptStarts().size(); i++) {
      for (Object sub : plot.getSubplots()) {
        ValueMarker m =
            new ValueMarker(trace.attemptStarts().get(i), Color.DARK_GRAY, new BasicStroke(1.5f));
        m.setLabel("attempt " + (i + 1));
        ((XYPlot) sub).addDomainMarker(m);
      }
    }
    return Palette.themed(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
  }

  private static XYPlot stages(RunTrace trace) {
    Map<String, XYIntervalSeries> byStage = new LinkedHashMap<>();
    double tick = Math.max(trace.seconds(), 1) / 400;
    for (RunTrace.StageSpan s : trace.stages()) {
      XYIntervalSeries series = byStage.computeIfAbsent(s.stage(), XYIntervalSeries::new);
      series.add(s.from(), s.from(), Math.max(s.to(), s.from() + tick), 0, -0.4, 0.4);
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    XYBarRenderer renderer = new XYBarRenderer();
    renderer.setUseYInterval(true);
    renderer.setDrawBarOutline(false);
    for (XYIntervalSeries s : byStage.values()) {
      renderer.setSeriesPaint(data.getSeriesCount(), STAGES[data.getSeriesCount() % STAGES.length]);
      data.addSeries(s);
    }
    NumberAxis lane = new NumberAxis("stage");
    lane.setTickLabelsVisible(false);
    lane.setTickMarksVisible(false);
    lane.setRange(-0.6, 0.6);
    XYPlot plot = new XYPlot(data, null, lane, renderer);
    plot.setRangeGridlinesVisible(false);
    plot.setNoDataMessage("the run reported no stage");
    return plot;
  }

  private static XYPlot cost(RunTrace trace, Double budget, Double finalCost) {
    XYSeries cost = new XYSeries("cost (USD)", true, true);
    trace.cost().forEach(p -> cost.add(p.seconds(), p.value(), false));
    if (finalCost != null) {
      cost.add(trace.seconds(), finalCost.doubleValue(), false);
    }
    cost.fireSeriesChanged();
    XYStepRenderer renderer = new XYStepRenderer();
    renderer.setSeriesPaint(0, Palette.COST);
    renderer.setSeriesStroke(0, new BasicStroke(2.5f));
    NumberAxis usd = new NumberAxis("USD");
    XYPlot plot = new XYPlot(new XYSeriesCollection(cost), null, usd, renderer);
    double top =
        Math.max(
            finalCost == null ? 0 : finalCost,
            trace.cost().stream().mapToDouble(RunTrace.Point::value).max().orElse(0));
    if (budget != null) {
      plot.addRangeMarker(
          Palette.limit(budget, String.format(Locale.ROOT, "budget $%.2f", budget)));
      top = Math.max(top, budget);
    }
    usd.setRange(0, Math.max(top, 0.01) * 1.15);
    plot.setNoDataMessage("the run reported no cost");
    return plot;
  }

  private static XYPlot memory(RunTrace trace, Long limitMb) {
    XYSeries memory = new XYSeries("tree memory (MB)", true, true);
    trace.memory().forEach(p -> memory.add(p.seconds(), p.value(), false));
    memory.fireSeriesChanged();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, trace.memory().size() < 60);
    renderer.setSeriesPaint(0, Palette.MEMORY);
    renderer.setSeriesStroke(0, new BasicStroke(2.5f));
    NumberAxis mb = new NumberAxis("MB");
    XYPlot plot = new XYPlot(new XYSeriesCollection(memory), null, mb, renderer);
    double top = trace.memory().stream().mapToDouble(RunTrace.Point::value).max().orElse(0);
    if (limitMb != null) {
      plot.addRangeMarker(Palette.limit(limitMb, "memory limit " + limitMb + " MB"));
      top = Math.max(top, limitMb);
    }
    mb.setRange(0, Math.max(top, 1) * 1.15);
    plot.setNoDataMessage("no memory sample");
    return plot;
  }
}
