package prodbridge.report;

import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import prodbridge.batch.BatchDir;
import prodbridge.runs.RunFiles;

/**
 * Writes report pages: one self-contained HTML file and, beside it, a PNG of its main chart ({@code
 * x.html} and {@code x.png}). Drawing is headless: no display is needed or used.
 */
public final class Reports {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** What was written: the kind of report, its files, and the counts a caller may print. */
  public record Written(
      String kind, Path html, Path png, int jobs, Double totalCost, String status) {}

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Reports.class);

  private Reports() {}

  /**
   * The batch report of {@code dir}, into {@code html} (null: {@code report.html} in the batch
   * directory).
   */
  public static Written batch(BatchDir dir, Path html) throws IOException {
    Path out = html == null ? dir.report() : html;
    long t0 = cpu();
    BatchFacts facts = BatchFacts.read(dir);
    long t1 = cpu();
    JFreeChart timeline = BatchTimeline.chart(facts.jobs());
    String page = BatchPage.html(facts, timeline);
    long t2 = cpu();
    Path png = html == null ? dir.reportChart() : pngBeside(out);
    ChartOutput.png(timeline, BatchPage.WIDTH, BatchPage.TIMELINE_HEIGHT, png);
    RunFiles.writeAtomically(out, page);
    log.debug(
        "batch report of {} jobs, CPU time: read {} ms, page {} ms, png and write {} ms",
        facts.jobs().size(),
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (cpu() - t2) / 1_000_000);
    return new Written(
        "batch",
        out,
        png,
        facts.jobs().size(),
        facts.summary().totalCost(),
        facts.summary().state());
  }

  /**
   * The run report of {@code runDir}, into {@code html} (null: {@code report.html} in the run
   * directory).
   */
  public static Written run(Path runDir, Path html) throws IOException {
    Path out = html == null ? new prodbridge.runs.RunDir(runDir).report() : html;
    RunFacts facts = RunFacts.read(runDir);
    JFreeChart chart =
        RunChart.chart(
            facts.trace(),
            facts.budget(),
            facts.memoryLimitMb(),
            facts.result() == null ? null : facts.result().finalCost(),
            facts.command() + " " + facts.runId() + ": " + facts.status());
    String page = RunPage.html(facts, chart);
    Path png = pngBeside(out);
    ChartOutput.png(chart, RunPage.WIDTH, RunPage.HEIGHT, png);
    RunFiles.writeAtomically(out, page);
    Double cost = facts.result() == null ? null : facts.result().finalCost();
    return new Written("run", out, png, 1, cost, facts.status());
  }

  private static long cpu() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /** True when {@code dir} holds a run: its state, result or launch record. */
  public static boolean isRunDir(Path dir) {
    return RunFacts.isRunDir(dir);
  }

  /**
   * {@code report.html} → {@code report.png}; a name without {@code .html} gets {@code .png} added.
   */
  public static Path pngBeside(Path html) {
    String name = html.getFileName().toString();
    String base =
        name.toLowerCase(java.util.Locale.ROOT).endsWith(".html")
            ? name.substring(0, name.length() - 5)
            : name.toLowerCase(java.util.Locale.ROOT).endsWith(".htm")
                ? name.substring(0, name.length() - 4)
                : name;
    return html.resolveSibling(base + ".png");
  }
}
