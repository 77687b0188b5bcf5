package prodbridge.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The jobs of a batch as a table the page's script sorts by any column and filters by any text:
 * every job, up to {@link #MAX_ROWS}; past that (a page of tens of thousands of rows no longer
 * opens quickly), every job that did not succeed and then the longest-running ones, with a line
 * saying how many are left out and where they all are.
 */
final class JobTable {
  static final int MAX_ROWS = 2000;

  private static final String[][] COLUMNS = {
    {"#", "num"},
    {"job", "text"},
    {"topic", "text"},
    {"status", "text"},
    {"error type", "text"},
    {"hint", "text"},
    {"cost", "num"},
    {"budget", "num"},
    {"quality", "num"},
    {"duration", "num"},
    {"waited", "num"},
    {"peak MB", "num"},
    {"run dir (in the batch directory)", "text"}
  };

  private JobTable() {}

  static void write(HtmlPage page, List<JobRow> all, String batchDir) {
    List<JobRow> jobs = shown(all);
    page.raw("<h2>Jobs</h2>\n");
    if (jobs.size() < all.size()) {
      page.raw("<p class=\"note\" id=\"rows-left-out\">")
          .text(
              String.format(
                  Locale.ROOT,
                  "Showing %,d of %,d "
                      + "jobs: every job that did not succeed, then the longest ones. journal.jsonl in the batch directory has"
                      + " them all.",
                  jobs.size(),
                  all.size()))
          .raw("</p>\n");
    }
    page.raw(
        "<input id=\"filter\" type=\"search\" placeholder=\"filter: a topic, status, error"
            + " type...\"> <span class=\"note\">click a column to sort</span>\n<table id=\"jobs-table\"><thead><tr>");
    for (String[] c : COLUMNS) {
      page.raw("<th data-type=\"").raw(c[1]).raw("\">").text(c[0]).raw("</th>");
    }
    page.raw("</tr></thead>\n<tbody>\n");
    for (JobRow j : jobs) {
      page.raw("<tr class=\"").raw(j.status()).raw("\">");
      page.cell("num", String.valueOf(j.seq()), null);
      page.cell(null, j.jobId(), null);
      page.cell(null, j.topic(), null);
      page.cell("status", j.status(), null);
      page.cell(null, j.errorType(), null);
      page.cell(null, j.hint(), null);
      page.cell("num", HtmlPage.money(j.cost()), j.cost() == null ? "" : j.cost());
      page.cell("num", HtmlPage.money(j.budget()), j.budget());
      page.cell(
          "num",
          j.quality() == null ? "" : String.format(Locale.ROOT, "%.1f", j.quality()),
          j.quality() == null ? "" : j.quality());
      Double d = j.duration();
      page.cell("num", d == null ? "" : DurationFormat.of(d), d == null ? "" : round(d));
      Double waited = j.waitFrom() == null || j.waitTo() == null ? null : j.waitTo() - j.waitFrom();
      page.cell(
          "num",
          waited == null ? "" : DurationFormat.of(waited) + " " + j.waitReason(),
          waited == null ? "" : round(waited));
      page.cell(
          "num",
          j.peakMemoryMb() == null
              ? ""
              : String.format(Locale.ROOT, "%.0f", j.peakMemoryMb())
                  + (j.memoryLimitMb() == null ? "" : " / " + j.memoryLimitMb()),
          j.peakMemoryMb() == null ? "" : j.peakMemoryMb());
      page.cell(
          "path",
          j.runDir() == null
              ? null
              : j.runDir().startsWith(batchDir + "/")
                  ? j.runDir().substring(batchDir.length() + 1)
                  : j.runDir(),
          null);
      page.raw("</tr>\n");
    }
    page.raw("</tbody></table>\n");
  }

  private static List<JobRow> shown(List<JobRow> all) {
    if (all.size() <= MAX_ROWS) {
      return all;
    }
    return all.stream()
        .sorted(
            Comparator.comparing((JobRow j) -> j.status().equals("success"))
                .thenComparing(j -> j.duration() == null ? 0 : -j.duration()))
        .limit(MAX_ROWS)
        .sorted(Comparator.comparingInt(JobRow::seq))
        .toList();
  }

  private static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }
}
