package prodbridge.report;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A chart drawn by JFreeChart as SVG text to inline in a page (through JFreeSVG) and as a PNG file.
 * The SVG has no XML namespace declarations (an HTML page does not need them), so a report holds no
 * URL at all, and its element ids start with {@code id}, so two charts of one page never clash and
 * the same input draws the same text.
 */
final class ChartOutput {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private ChartOutput() {}

  static String svg(JFreeChart chart, int width, int height, String id) {
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    g2.setDefsKeyPrefix(id + "-");
    chart.draw(g2, new Rectangle(0, 0, width, height));
    String svg = g2.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
    return svg.replaceAll(" xmlns(:\\w+)?=('[^']*'|\"[^\"]*\")", "")
        .replaceAll(" jfreesvg:[\\w-]+=('[^']*'|\"[^\"]*\")", "");
  }

  /**
   * Writes {@code chart} as a PNG of {@code width} by {@code height} pixels, by rename (never half
   * written).
   */
  static void png(JFreeChart chart, int width, int height, Path file) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ChartUtils.writeChartAsPNG(bytes, chart, width, height);
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    prodbridge.runs.RunFiles.createPrivateFile(tmp);
    Files.write(tmp, bytes.toByteArray());
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
