package prodbridge.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import prodbridge.runs.RunStore;

@Command(
    mixinStandardHelpOptions = true,
    name = "cancel",
    description = "Stop a run: its whole process tree is ended and its final state is cancelled.")
final class CancelCommand implements Callable<Integer> {
  /**
   * How long the run's own supervisor gets to end its tree (its grace included) before this command
   * does it.
   */
  static final Duration PATIENCE = Duration.ofSeconds(30);

  @Parameters(paramLabel = "RUN_ID", description = "The run.")
  String runId;

  @Mixin StoreOptions options;

  private final Context context;

  CancelCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    RunStore store = options.store(context);
    context
        .out()
        .println(
            Printer.view(store.cancel(store.dirOf(runId), PATIENCE), options.format.in(context)));
    return ExitCode.OK.code();
  }
}
