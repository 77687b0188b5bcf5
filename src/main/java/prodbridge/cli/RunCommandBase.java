package prodbridge.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import prodbridge.config.EffectiveConfig;
import prodbridge.monitor.ProgressListener;
import prodbridge.runs.DetachedLaunch;
import prodbridge.runs.Relaunch;
import prodbridge.runs.RunExecution;
import prodbridge.runs.RunPlan;
import prodbridge.runs.RunPlanner;
import prodbridge.runs.RunRequest;
import prodbridge.runs.RunResult;

/** What every run command does: layer the config, plan, then print the plan (dry run) or run it. */
abstract class RunCommandBase implements Callable<Integer> {
  @Mixin RunOptions options;
  @Spec CommandSpec spec;

  final Context context;

  RunCommandBase(Context context) {
    this.context = context;
  }

  /** The request for this command word, checked for what only this command needs. */
  abstract RunRequest request();

  @Override
  public Integer call() throws Exception {
    OutputFormat format = options.format.in(context);
    EffectiveConfig config = options.config.load(context, options.settings());
    RunRequest request = options.runId == null ? request() : request().withRunId(options.runId);
    RunPlan plan =
        new RunPlanner(config, context.env(), context.workingDir(), Clock.systemDefaultZone())
            .plan(request);
    if (options.dryRun) {
      context.out().println(Printer.dryRun(plan, format));
      return ExitCode.OK.code();
    }
    if (options.detach) {
      List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
      args.remove("--detach");
      if (prodbridge.runs.EpisodeLock.applies(plan)) {
        prodbridge.runs.EpisodeLock.checkFree(plan);
      }
      DetachedLaunch.start(plan, args);
      prodbridge.runs.RunSession.record(
          plan.runDir(), context.env().get(prodbridge.runs.RunSession.ENV));
      context.out().println(Printer.detached(plan, Relaunch.userCommand(), format));
      return ExitCode.OK.code();
    }
    ProgressLine line =
        context.stderrIsTerminal()
            ? new ProgressLine(
                new LiveLine(context.err(), new TerminalWidth(context.env())), plan.command())
            : null;
    RunExecution execution =
        new RunExecution(plan, line == null ? ProgressListener.NONE : line, options.runId != null)
            .keptBy(Relaunch.command());
    RunResult result;
    try {
      result =
          context.signals() == null
              ? execution.execute()
              : context.signals().during(execution, execution::execute);
    } finally {
      if (line != null) {
        line.clear();
      }
    }
    context.out().println(Printer.result(result, format));
    return result.succeeded() ? ExitCode.OK.code() : ExitCode.of(result.errorType()).code();
  }

  static String joined(java.util.List<String> words) {
    return words == null || words.isEmpty() ? null : String.join(" ", words);
  }
}
