package prodbridge.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import prodbridge.batch.BatchSummary;

/**
 * A batch's report page: the summary counts, the jobs over time (the main chart, also written as
 * PNG), spend against the total budget, cost and peak memory per job against their limits, and
 * every job in a sortable table.
 */
final class BatchPage {
  static final int WIDTH = 1200;
  static final int TIMELINE_HEIGHT = 600;
  private static final int CHART_HEIGHT = 420;

  private BatchPage() {}

  static String html(BatchFacts facts, JFreeChart timeline) {
    BatchSummary s = facts.summary();
    List<JobRow> jobs = facts.jobs();
    HtmlPage page = new HtmlPage("Batch " + facts.name() + ": " + s.state());
    page.raw("<main data-kind=\"batch\" data-jobs=\"")
        .raw(String.valueOf(s.jobs()))
        .raw("\" data-total-cost=\"")
        .raw(String.valueOf(s.totalCost()))
        .raw("\" data-total-budget=\"")
        .raw(s.totalBudget() == null ? "" : String.valueOf(s.totalBudget()))
        .raw("\">\n");
    page.raw("<h1>")
        .text("Batch " + facts.name() + ": " + s.state())
        .raw("</h1>\n<div class=\"sub\">")
        .text(subtitle(s))
        .raw("</div>\n");
    tiles(page, s);
    String lanesNote =
        BatchTimeline.aggregated(jobs)
            ? String.format(
                Locale.ROOT,
                "%,d jobs are too many for one bar each: the chart shows how many ran at once "
                    + "in each slice of time, coloured by outcome, and how many waited for budget or memory. Sort the "
                    + "table below by duration or status to find single jobs.",
                jobs.size())
            : "One bar per job, from its start to its end, coloured by outcome; the lighter bar before it is the time "
                + "it waited for budget or memory.";
    page.figure(
        "timeline",
        "Jobs over time",
        ChartOutput.svg(timeline, WIDTH, TIMELINE_HEIGHT, "timeline"),
        lanesNote);
    page.figure(
        "spend",
        "Spend against the total budget",
        ChartOutput.svg(SpendChart.chart(jobs, s.totalBudget()), WIDTH, CHART_HEIGHT, "spend"),
        "What the batch had spent, counting each job's cost when it ended.");
    page.figure(
        "cost",
        "Cost per job",
        ChartOutput.svg(
            PerJobChart.chart(
                jobs,
                new PerJobChart.Measure("Cost", "USD", JobRow::cost, j -> j.budget(), "budget")),
            WIDTH,
            CHART_HEIGHT,
            "cost"),
        null);
    page.figure(
        "memory",
        "Peak memory per job",
        ChartOutput.svg(
            PerJobChart.chart(
                jobs,
                new PerJobChart.Measure(
                    "Peak tree memory",
                    "MB",
                    JobRow::peakMemoryMb,
                    j -> j.memoryLimitMb() == null ? null : j.memoryLimitMb().doubleValue(),
                    "memory limit")),
            WIDTH,
            CHART_HEIGHT,
            "memory"),
        "The peak of the resident memory of each job's whole process tree.");
    JobTable.write(page, jobs, s.batchDir());
    return page.raw("</main>\n").html();
  }

  private static String subtitle(BatchSummary s) {
    StringBuilder b = new StringBuilder();
    b.append(s.counts().getOrDefault("success", 0))
        .append(" of ")
        .append(s.jobs())
        .append(" jobs succeeded · ")
        .append(HtmlPage.money(s.totalCost()));
    if (s.totalBudget() != null) {
      b.append(" of ").append(HtmlPage.money(s.totalBudget())).append(" total budget");
    }
    if (s.wallTimeSeconds() != null) {
      b.append(" · ")
          .append(DurationFormat.of(s.wallTimeSeconds()))
          .append(" wall time (latest session)");
    }
    return b.append(" · ").append(s.batchDir()).toString();
  }

  private static void tiles(HtmlPage page, BatchSummary s) {
    page.raw("<div class=\"tiles\" id=\"summary\">");
    page.tile("", "jobs", String.valueOf(s.jobs()), "jobs");
    for (Map.Entry<String, Integer> e : s.counts().entrySet()) {
      if (e.getValue() > 0 || e.getKey().equals("success") || e.getKey().equals("error")) {
        page.tile(e.getKey(), "count-" + e.getKey(), String.valueOf(e.getValue()), e.getKey());
      }
    }
    page.tile("money", "total-cost", HtmlPage.money(s.totalCost()), "spent");
    if (s.totalBudget() != null) {
      page.tile("money", "total-budget", HtmlPage.money(s.totalBudget()), "total budget");
    }
    page.raw("</div>\n");
    if (!s.byErrorType().isEmpty()) {
      page.raw("<p id=\"failures\">").text("Failures by type: ");
      s.byErrorType().forEach((type, n) -> page.text(type + " " + n + "  "));
      page.raw("</p>\n");
    }
  }
}
