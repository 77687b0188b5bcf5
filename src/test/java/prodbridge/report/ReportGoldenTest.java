package prodbridge.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.batch.BatchDir;

/**
 * One golden page per report kind, on fixed input files. The page is compared whole, except that
 * each chart's SVG is reduced to its texts (titles, axis labels, ticks, legend, limits: where text
 * lands depends on font metrics) and the fixture's temporary directory reads {@code $DIR}. Building
 * twice gives the same bytes, charts included. Run with {@code -Dreport.golden.update=true} to
 * rewrite the golden files after an intended change.
 */
class ReportGoldenTest {
  private static final Pattern SVG =
      Pattern.compile("<svg (?:[^>]*? )?id='([\\w-]+)'[^>]*>(.*?)</svg>", Pattern.DOTALL);
  private static final Pattern TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");

  @TempDir Path dir;

  @Test
  void batchReport() throws Exception {
    Path batch = ReportFixture.copy(ReportFixture.BATCH, dir);
    Reports.Written first = Reports.batch(new BatchDir(batch), null);
    String page = Files.readString(first.html());
    Reports.batch(new BatchDir(batch), dir.resolve("again.html"));
    assertThat(Files.readString(dir.resolve("again.html"))).as("built twice").isEqualTo(page);
    assertGolden("batch-season.golden.html", page, batch.getParent());
    assertPng(first.png(), 1200, 600);
  }

  @Test
  void runReport() throws Exception {
    Path run = ReportFixture.copy(ReportFixture.RUN, dir);
    Reports.Written first = Reports.run(run, null);
    String page = Files.readString(first.html());
    Reports.run(run, dir.resolve("again.html"));
    assertThat(Files.readString(dir.resolve("again.html"))).as("built twice").isEqualTo(page);
    assertGolden("run-budget.golden.html", page, run.getParent());
    assertPng(first.png(), 1200, 700);
  }

  /**
   * The PNG has the size of the main chart and is not blank: many colours, a good share of it not
   * white.
   */
  static void assertPng(Path png, int width, int height) throws Exception {
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(width);
    assertThat(image.getHeight()).isEqualTo(height);
    Set<Integer> colours = new HashSet<>();
    int inked = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        if (rgb != 0xffffff) {
          inked++;
        }
      }
    }
    assertThat(colours.size()).as("colours").isGreaterThan(20);
    assertThat(inked).as("pixels that are not white").isGreaterThan(width * height / 20);
  }

  private static void assertGolden(String name, String page, Path fixtureDir) throws Exception {
    String comparable = reduced(page.replace(fixtureDir.toString(), "$DIR"));
    Path golden = Path.of("src/test/resources/report", name);
    if (Boolean.getBoolean("report.golden.update")) {
      Files.writeString(golden, comparable, StandardCharsets.UTF_8);
    }
    assertThat(comparable).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  /** Each {@code <svg>} as its id and texts, one per line. */
  static String reduced(String page) {
    Matcher svg = SVG.matcher(page);
    StringBuilder out = new StringBuilder();
    while (svg.find()) {
      List<String> texts = new ArrayList<>();
      Matcher t = TEXT.matcher(svg.group(2));
      while (t.find()) {
        texts.add(t.group(1));
      }
      svg.appendReplacement(
          out,
          Matcher.quoteReplacement(
              "<svg id='" + svg.group(1) + "'>\n  " + String.join("\n  ", texts) + "\n</svg>"));
    }
    svg.appendTail(out);
    return out.toString();
  }
}
