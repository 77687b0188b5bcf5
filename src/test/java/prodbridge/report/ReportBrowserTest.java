package prodbridge.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.batch.BatchDir;
import prodbridge.testing.Chromium;
import prodbridge.testing.NoLeftoverProcesses;
import prodbridge.testing.RequestRecorder;

/**
 * The reports as a person sees them: rendered by a real headless Chromium, every request it makes
 * caught by a local proxy. The charts must show in the screenshot (their colours over large areas),
 * the DOM must hold the job count and totals, the page's script must have run, and the page must
 * make no request at all.
 */
@ExtendWith(NoLeftoverProcesses.class)
class ReportBrowserTest {
  @TempDir Path dir;

  @Test
  void theBatchReportDrawsItsChartsAndTotalsWithoutAnyRequest() throws Exception {
    Chromium chromium = Chromium.require(dir);
    Reports.Written w =
        Reports.batch(new BatchDir(ReportFixture.copy(ReportFixture.BATCH, dir)), null);
    String html = Files.readString(w.html());
    assertThat(html)
        .doesNotContainPattern("(?i)https?:")
        .doesNotContainPattern("(?i)(src|href)\\s*=");

    try (RequestRecorder proxy = new RequestRecorder()) {
      Path shot = chromium.screenshot(w.html(), 1280, 4200, proxy);
      String dom = chromium.dumpDom(w.html(), proxy);
      assertThat(proxy.pageRequests()).as("requests the page made").isEmpty();

      BufferedImage image = ImageIO.read(shot.toFile());
      assertThat(image.getWidth()).isEqualTo(1280);
      assertThat(pixels(image, Palette.SUCCESS.color.getRGB()))
          .as("success bars")
          .isGreaterThan(3000);
      assertThat(pixels(image, Palette.ERROR.color.getRGB())).as("error bars").isGreaterThan(1000);
      assertThat(pixels(image, Palette.WAIT_BUDGET.color.getRGB()))
          .as("budget waits")
          .isGreaterThan(3000);
      assertThat(pixels(image, Palette.WAIT_MEMORY.color.getRGB()))
          .as("memory wait")
          .isGreaterThan(1000);
      assertThat(pixels(image, Palette.COST.getRGB()))
          .as("cost bars and spend line")
          .isGreaterThan(3000);
      assertThat(pixels(image, Palette.MEMORY.getRGB()))
          .as("memory bars (a few MB under a 512 MB limit)")
          .isGreaterThan(200);
      assertThat(pixels(image, Palette.LIMIT.getRGB()))
          .as("budget and limit lines")
          .isGreaterThan(300);

      assertThat(dom)
          .contains(
              "data-jobs=\"8\"",
              "id=\"jobs\">8<",
              "id=\"count-success\">5<",
              "id=\"count-error\">2<",
              "id=\"count-skipped\">1<",
              "id=\"total-cost\">$3.35<",
              "id=\"total-budget\">$4.00<",
              "data-script=\"ready\"");
      assertThat(count(dom, "<tr class=\"")).isEqualTo(8);
      assertThat(count(dom, "<svg ")).isEqualTo(4);
    }
  }

  @Test
  void theRunReportDrawsItsChartAndOutcomeWithoutAnyRequest() throws Exception {
    Chromium chromium = Chromium.require(dir);
    Reports.Written w = Reports.run(ReportFixture.copy(ReportFixture.RUN, dir), null);
    assertThat(Files.readString(w.html())).doesNotContainPattern("(?i)https?:");

    try (RequestRecorder proxy = new RequestRecorder()) {
      Path shot = chromium.screenshot(w.html(), 1280, 1400, proxy);
      String dom = chromium.dumpDom(w.html(), proxy);
      assertThat(proxy.pageRequests()).as("requests the page made").isEmpty();

      BufferedImage image = ImageIO.read(shot.toFile());
      assertThat(pixels(image, Palette.COST.getRGB())).as("cost curve").isGreaterThan(300);
      assertThat(pixels(image, Palette.MEMORY.getRGB())).as("memory curve").isGreaterThan(300);
      assertThat(pixels(image, Palette.LIMIT.getRGB()))
          .as("budget and memory limit")
          .isGreaterThan(300);
      assertThat(dom)
          .contains(
              "data-status=\"error\"",
              "BUDGET_EXCEEDED",
              "id=\"total-cost\">$1.01<",
              "raise it with --budget",
              "audio-golden-run.wav");
    }
  }

  /**
   * The proxy catches what a page fetches: a page that loads an image from the web is seen doing
   * it.
   */
  @Test
  void aPageThatFetchesSomethingIsCaught() throws Exception {
    Chromium chromium = Chromium.require(dir);
    Path page = dir.resolve("fetching.html");
    Files.writeString(
        page,
        "<!DOCTYPE html><html><body><img src=\"http://example.com/canary.png\"></body></html>");
    try (RequestRecorder proxy = new RequestRecorder()) {
      chromium.dumpDom(page, proxy);
      assertThat(proxy.pageRequests())
          .anySatisfy(r -> assertThat(r).contains("example.com/canary.png"));
    }
  }

  /**
   * Pixels within a few levels of {@code rgb} in each channel (anti-aliased edges aside, fills are
   * exact).
   */
  static int pixels(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        if (Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) <= 4
            && Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255)) <= 4
            && Math.abs((p & 255) - (rgb & 255)) <= 4) {
          n++;
        }
      }
    }
    return n;
  }

  private static int count(String text, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
