package prodbridge.cli;

import prodbridge.report.PlanView;
import prodbridge.report.ResultView;
import prodbridge.runs.ResultJson;
import prodbridge.runs.RunPlan;
import prodbridge.runs.RunResult;

/** Picks the rendering for the chosen format. */
final class Printer {
  private Printer() {}

  static String result(RunResult r, OutputFormat f) {
    return switch (f) {
      case JSON -> ResultJson.write(r);
      case MARKDOWN -> ResultView.markdown(r);
      case TEXT -> ResultView.text(r);
    };
  }

  static String dryRun(RunPlan plan, OutputFormat f) {
    return f == OutputFormat.JSON ? PlanView.json(plan) : PlanView.text(plan);
  }

  /** The error object printed on stdout for a usage error when the output is JSON. */
  static String usageError(String message) {
    java.util.Map<String, Object> e = new java.util.LinkedHashMap<>();
    e.put("status", "error");
    e.put("error_type", "USAGE_ERROR");
    e.put("error_message", message);
    e.put("exit_code", 2);
    return ResultJson.write(e);
  }
}
