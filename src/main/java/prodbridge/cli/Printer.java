package prodbridge.cli;

import prodbridge.report.PlanView;
import prodbridge.report.ResultView;
import prodbridge.report.StateView;
import prodbridge.runs.Relaunch;
import prodbridge.runs.ResultJson;
import prodbridge.runs.RunPlan;
import prodbridge.runs.RunResult;
import prodbridge.runs.RunView;

/** Picks the rendering for the chosen format. */
final class Printer {
  private Printer() {}

  static String result(RunResult r, OutputFormat f) {
    return switch (f) {
      case JSON -> ResultJson.write(r);
      case MARKDOWN -> ResultView.markdown(r, Relaunch.userCommand());
      case TEXT -> ResultView.text(r);
    };
  }

  static String dryRun(RunPlan plan, OutputFormat f) {
    return f == OutputFormat.JSON ? PlanView.json(plan) : PlanView.text(plan);
  }

  /** A run read back: its result once it has ended, else its live state. */
  static String view(RunView v, OutputFormat f) {
    if (v.alert() != null) {
      return alert(v, f);
    }
    if (v.ended()) {
      return result(v.result(), f);
    }
    return switch (f) {
      case JSON -> ResultJson.write(v.state());
      case MARKDOWN -> StateView.markdown(v.state(), Relaunch.userCommand());
      case TEXT -> StateView.text(v.state());
    };
  }

  /**
   * A run that needs attention: its state (if readable) with the alert's status word, message and
   * hint.
   */
  private static String alert(RunView v, OutputFormat f) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("run_id", v.runId());
    if (v.state() != null) {
      @SuppressWarnings("unchecked")
      java.util.Map<String, Object> state =
          ResultJson.mapper().convertValue(v.state(), java.util.Map.class);
      m.putAll(state);
    }
    m.put("status", v.alert().status());
    m.put("message", v.alert().message());
    m.put("hint", v.alert().hint());
    if (f == OutputFormat.JSON) {
      return ResultJson.write(m);
    }
    String head = "run " + v.runId() + ": " + v.alert().status() + " - " + v.alert().message();
    return f == OutputFormat.MARKDOWN
        ? "**" + head + "**\n\n" + v.alert().hint()
        : head + "\n" + v.alert().hint();
  }

  /**
   * What status says when there is no run at all (still exit 0: it must be safe in a slash
   * command).
   */
  static String noRuns(java.nio.file.Path root, OutputFormat f) {
    String message = "no runs yet in " + root;
    return f == OutputFormat.JSON
        ? ResultJson.write(java.util.Map.of("status", "none", "message", message))
        : message;
  }

  /** What a detached start hands back: the run and the exact commands to follow and stop it. */
  static String detached(RunPlan plan, String launcher, OutputFormat f) {
    java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
    d.put("run_id", plan.runId());
    d.put("status", "running");
    d.put("command", plan.command());
    d.put("topic", plan.topic());
    d.put("episode_id", plan.episodeId());
    d.put("run_dir", plan.runDir().toString());
    d.put("poll", launcher + " status " + plan.runId() + " --wait 9m --format markdown");
    d.put("cancel", launcher + " cancel " + plan.runId());
    if (f == OutputFormat.JSON) {
      return ResultJson.write(d);
    }
    return "Started "
        + plan.command()
        + " as run "
        + plan.runId()
        + " (detached).\n"
        + (f == OutputFormat.MARKDOWN
            ? "- Poll: `" + d.get("poll") + "`\n- Cancel: `" + d.get("cancel") + "`"
            : "  poll    " + d.get("poll") + "\n  cancel  " + d.get("cancel"));
  }

  /**
   * The error object printed on stdout when the run store cannot be used and the output is JSON.
   */
  static String storeError(prodbridge.runs.StoreFailure f) {
    java.util.Map<String, Object> e = new java.util.LinkedHashMap<>();
    e.put("status", "error");
    e.put(
        "error_type",
        f.diskFull() ? prodbridge.classify.ErrorType.DISK_FULL.name() : "STORE_ERROR");
    e.put("error_message", f.getMessage());
    e.put(
        "hint",
        f.diskFull()
            ? "Free space on that file system, or set PROD_BRIDGE_RUNS to a runs root on another one; nothing was run."
            : "Point the runs root (PROD_BRIDGE_RUNS or runs_root in the config) at a directory this user can write;"
                + " nothing was run.");
    e.put("exit_code", ExitCode.of(f).code());
    return ResultJson.write(e);
  }

  /** The error object printed on stdout for a usage error when the output is JSON. */
  static String usageError(String message) {
    java.util.Map<String, Object> e = new java.util.LinkedHashMap<>();
    e.put("status", "error");
    e.put("error_type", "USAGE_ERROR");
    e.put("error_message", message);
    e.put("exit_code", ExitCode.USAGE.code());
    return ResultJson.write(e);
  }
}
