package prodbridge.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/**
 * The report's colours (one per outcome, one per kind of wait) and how limits are drawn: a dashed
 * red line.
 */
enum Palette {
  SUCCESS("success", new Color(0x2e7d32)),
  ERROR("error", new Color(0xc62828)),
  LOST("lost", new Color(0x6a1b9a)),
  CANCELLED("cancelled", new Color(0xef6c00)),
  SKIPPED("skipped", new Color(0x9e9e9e)),
  RUNNING("running", new Color(0x1565c0)),
  PENDING("pending", new Color(0xbdbdbd)),
  WAIT_BUDGET("waiting for budget", new Color(0xffcc80)),
  WAIT_MEMORY("waiting for memory", new Color(0x90caf9));

  static final Color COST = new Color(0x1565c0);
  static final Color MEMORY = new Color(0x00838f);
  static final Color LIMIT = new Color(0xb71c1c);
  private static final Color GRID = new Color(0xe0e0e0);
  static final Stroke DASHED =
      new BasicStroke(
          2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

  final String label;
  final Color color;

  Palette(String label, Color color) {
    this.label = label;
    this.color = color;
  }

  /** The colour of a job status ({@code success}, {@code error}, ...), pending for any other. */
  static Palette of(String status) {
    for (Palette p : values()) {
      if (p.label.equals(status)) {
        return p;
      }
    }
    return PENDING;
  }

  static Palette waitFor(String reason) {
    return "memory".equals(reason) ? WAIT_MEMORY : WAIT_BUDGET;
  }

  /** A limit (budget, memory limit) across a plot, labelled with its value. */
  static ValueMarker limit(double value, String label) {
    ValueMarker m = new ValueMarker(value, LIMIT, DASHED);
    m.setLabel(label);
    m.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
    m.setLabelPaint(LIMIT);
    m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
    m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
    return m;
  }

  /**
   * The plain look every report chart gets: white background, light grid, flat bars without
   * shadows. Series colours set by the chart stay (a JFreeChart theme would replace them).
   */
  static JFreeChart themed(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    style(chart.getPlot());
    return chart;
  }

  private static void style(Plot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(new Color(0xbdbdbd));
    if (plot instanceof CombinedDomainXYPlot combined) {
      combined.getSubplots().forEach(sub -> style((Plot) sub));
    }
    if (plot instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(GRID);
      xy.setRangeGridlinePaint(GRID);
      for (int i = 0; i < xy.getRendererCount(); i++) {
        if (xy.getRenderer(i) instanceof XYBarRenderer bars) {
          bars.setBarPainter(new StandardXYBarPainter());
          bars.setShadowVisible(false);
        }
      }
    }
    if (plot instanceof CategoryPlot category) {
      category.setRangeGridlinePaint(GRID);
      for (int i = 0; i < category.getRendererCount(); i++) {
        if (category.getRenderer(i) instanceof BarRenderer bars) {
          bars.setBarPainter(new StandardBarPainter());
          bars.setShadowVisible(false);
        }
      }
    }
  }
}
