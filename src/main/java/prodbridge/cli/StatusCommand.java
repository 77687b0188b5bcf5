package prodbridge.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import prodbridge.report.StateView;
import prodbridge.runs.RunStore;
import prodbridge.runs.RunView;

@Command(
    mixinStandardHelpOptions = true,
    name = "status",
    description =
        "A run's live state, or its result once it has ended; exits 0 whatever the run's outcome.")
final class StatusCommand implements Callable<Integer> {
  static final long POLL_MILLIS = 250;

  /**
   * A terminal gets a progress line this often; anything else (Claude's Bash tool) only on a change
   * of stage.
   */
  static final long PROGRESS_EVERY_MILLIS = 5000;

  /**
   * Without a terminal, the longest silence between two progress lines, so a long wait writes a few
   * lines.
   */
  static final long QUIET_EVERY_MILLIS = 180_000;

  @Parameters(
      arity = "0..1",
      paramLabel = "RUN_ID",
      description = "The run (default: the most recent).")
  String runId;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      description =
          "Wait until the run ends or this long has passed (progress on stderr), for example 9m.")
  Duration wait;

  @Mixin StoreOptions options;

  private final Context context;

  StatusCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    RunStore store = options.store(context);
    Path dir = runId != null ? store.dirOf(runId) : store.latest().orElse(null);
    if (dir == null) {
      context.out().println(Printer.noRuns(store.root(), options.format.in(context)));
      return ExitCode.OK.code();
    }
    RunView view = store.look(dir);
    if (wait != null) {
      long deadline = System.nanoTime() + wait.toNanos();
      long every =
          (context.stderrIsTerminal() ? PROGRESS_EVERY_MILLIS : QUIET_EVERY_MILLIS) * 1_000_000;
      long nextLine = 0;
      String shown = null;
      while (!view.ended() && System.nanoTime() < deadline) {
        String phase =
            view.state() == null
                ? null
                : view.state().stage() + "/" + Math.max(1, view.state().attempt());
        if (phase != null && (System.nanoTime() >= nextLine || !phase.equals(shown))) {
          context.err().println(view.runId() + ": " + StateView.line(view.state()));
          nextLine = System.nanoTime() + every;
          shown = phase;
        }
        Thread.sleep(
            Math.min(POLL_MILLIS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        view = store.look(dir);
      }
    }
    if (view.ended()) {
      prodbridge.runs.RunSession.markSeen(dir);
    }
    context.out().println(Printer.view(view, options.format.in(context)));
    return ExitCode.OK.code();
  }
}
