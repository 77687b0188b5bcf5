package prodbridge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import prodbridge.config.UsageException;
import prodbridge.runs.RunStore;
import prodbridge.runs.RunView;

@Command(
    mixinStandardHelpOptions = true,
    name = "result",
    description =
        "The final result of a run that has ended (a run still going is exit 2: use status --wait).")
final class ResultCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_ID", description = "The run.")
  String runId;

  @Mixin StoreOptions options;

  private final Context context;

  ResultCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    RunStore store = options.store(context);
    java.nio.file.Path dir = store.dirOf(runId);
    RunView view = store.look(dir);
    if (!view.ended()) {
      throw new UsageException(
          "run " + runId + " has not ended yet; wait for it with: status " + runId + " --wait 9m");
    }
    prodbridge.runs.RunSession.markSeen(dir);
    context.out().println(Printer.view(view, options.format.in(context)));
    return ExitCode.OK.code();
  }
}
