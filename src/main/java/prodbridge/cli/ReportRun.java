package prodbridge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import prodbridge.batch.BatchDir;
import prodbridge.batch.BatchReport;
import prodbridge.batch.BatchSummary;
import prodbridge.report.Reports;
import prodbridge.runs.ResultJson;

/**
 * Writes reports for {@code report} and after a batch. Kept apart from the command classes, which
 * picocli loads for every command, so the charting library and AWT load only when a report is
 * drawn.
 */
final class ReportRun {
  private static final Logger log = LoggerFactory.getLogger(ReportRun.class);

  private ReportRun() {}

  static boolean isRunDir(Path dir) {
    return Reports.isRunDir(dir);
  }

  static String batch(Path dir, Path html, OutputFormat f) throws IOException {
    return printed(Reports.batch(new BatchDir(dir), html), f);
  }

  static String run(Path runDir, Path html, OutputFormat f) throws IOException {
    return printed(Reports.run(runDir, html), f);
  }

  /**
   * After a batch session: its report into the batch directory, and {@code summary} (also saved as
   * summary.json) naming it. A report that cannot be drawn is logged and left out: the batch's own
   * outcome stands.
   */
  static BatchSummary afterBatch(BatchDir dir, BatchSummary summary) {
    try {
      Reports.Written w = Reports.batch(dir, null);
      BatchSummary named = summary.withReport(w.html().toString(), w.png().toString());
      BatchReport.save(dir, named);
      return named;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Exception | Error e) {
      // a machine without fonts or AWT libraries: the batch's outcome stands without its page
      log.warn("could not write the batch report into {}: {}", dir.path(), e.toString());
      return summary;
    }
  }

  private static String printed(Reports.Written w, OutputFormat f) {
    if (f != OutputFormat.JSON) {
      return w.kind() + " report " + w.html() + "\nchart " + w.png();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("report", w.kind());
    out.put("html", w.html().toString());
    out.put("png", w.png().toString());
    out.put("status", w.status());
    out.put("jobs", w.jobs());
    out.put("total_cost", w.totalCost());
    return ResultJson.write(out);
  }
}
