package prodbridge.report;

import java.util.Locale;
import org.jfree.chart.JFreeChart;
import prodbridge.runs.OutputFile;
import prodbridge.runs.RunResult;

/**
 * A run's report page: its outcome with the hint, its figures, the main chart (also a PNG) and its
 * output files.
 */
final class RunPage {
  static final int WIDTH = 1200;
  static final int HEIGHT = 700;

  private RunPage() {}

  static String html(RunFacts f, JFreeChart chart) {
    RunResult r = f.result();
    HtmlPage page = new HtmlPage("Run " + f.runId() + ": " + f.status());
    page.raw("<main data-kind=\"run\" data-status=\"")
        .text(f.status())
        .raw("\" data-cost=\"")
        .raw(r == null || r.finalCost() == null ? "" : String.valueOf(r.finalCost()))
        .raw("\">\n");
    page.raw("<h1>")
        .text(f.command() + " " + f.runId() + ": " + f.status())
        .raw("</h1>\n<div class=\"sub\">")
        .text((f.topic() == null ? "" : "\u201c" + f.topic() + "\u201d · ") + f.dir())
        .raw("</div>\n");
    outcome(page, f);
    page.raw("<div class=\"tiles\" id=\"summary\">");
    page.tile(f.status(), "status", f.status(), "status");
    if (r != null) {
      page.tile(
          "money",
          "total-cost",
          r.finalCost() == null ? "unknown" : HtmlPage.money(r.finalCost()),
          "cost of " + HtmlPage.money(r.budget()) + " budget");
      page.tile(
          "",
          "quality",
          r.qualityScore() == null ? "none" : String.format(Locale.ROOT, "%.1f", r.qualityScore()),
          String.format(Locale.ROOT, "quality (threshold %.1f)", r.qualityThreshold()));
      page.tile("", "duration", DurationFormat.of(r.executionTime()), "run time");
      page.tile(
          "",
          "peak-memory",
          r.peakMemoryMb() == null ? "unknown" : r.peakMemoryMb() + " MB",
          f.memoryLimitMb() == null
              ? "peak tree memory"
              : "peak tree memory of " + f.memoryLimitMb() + " MB");
      page.tile(
          "",
          "attempts",
          String.valueOf(r.attempts() == null ? 1 : r.attempts().size()),
          "attempts");
    }
    page.raw("</div>\n");
    page.figure(
        "run-chart",
        "Stages, cost and memory over time",
        ChartOutput.svg(chart, WIDTH, HEIGHT, "run"),
        "Red dashed lines: the budget and the memory limit.");
    files(page, r);
    return page.raw("</main>\n").html();
  }

  private static void outcome(HtmlPage page, RunFacts f) {
    RunResult r = f.result();
    if (r == null) {
      page.raw("<div class=\"outcome\" id=\"outcome\">")
          .text(
              "Still "
                  + f.status()
                  + (f.state() != null && f.state().stage() != null
                      ? ", in stage " + f.state().stage()
                      : "")
                  + ": this report shows it so far.")
          .raw("</div>\n");
      return;
    }
    boolean ok = r.succeeded();
    page.raw("<div class=\"outcome")
        .raw(ok ? "" : " failed")
        .raw("\" id=\"outcome\"><b>")
        .text(ok ? "Succeeded" : r.errorType() == null ? r.status().name() : r.errorType().name())
        .raw("</b>");
    if (r.errorMessage() != null) {
      page.raw("<div>").text(r.errorMessage()).raw("</div>");
    }
    if (r.hint() != null) {
      page.raw("<div id=\"hint\"><b>Hint:</b> ").text(r.hint()).raw("</div>");
    }
    page.raw("</div>\n");
  }

  private static void files(HtmlPage page, RunResult r) {
    page.raw("<h2>Output files</h2>\n");
    if (r == null || r.outputFiles().isEmpty()) {
      page.raw("<p class=\"note\">None recorded.</p>\n");
      return;
    }
    page.raw("<table id=\"files\"><thead><tr><th>file</th><th>bytes</th></tr></thead><tbody>\n");
    for (OutputFile file : r.outputFiles()) {
      page.raw("<tr>")
          .cell("path", file.path(), null)
          .cell("num", String.format(Locale.ROOT, "%,d", file.bytes()), file.bytes())
          .raw("</tr>\n");
    }
    page.raw("</tbody></table>\n");
    if (r.outputFilesOmitted() > 0) {
      page.raw("<p class=\"note\">")
          .text("… and " + r.outputFilesOmitted() + " more")
          .raw("</p>\n");
    }
  }
}
