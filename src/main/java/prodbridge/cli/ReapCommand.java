package prodbridge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import prodbridge.batch.BatchDir;
import prodbridge.batch.BatchReap;
import prodbridge.config.UsageException;
import prodbridge.runs.ResultJson;
import prodbridge.runs.RunDir;
import prodbridge.runs.RunStore;
import prodbridge.runs.RunView;
import prodbridge.supervise.Keeper;

/**
 * Records what a dead supervisor left (internal: its keeper starts it once, after ending the
 * supervised trees): a run directory's run becomes {@code lost} with its known cost; a batch
 * directory's running jobs are recorded so {@code --resume} runs them again, while jobs whose child
 * had already finished keep their results.
 */
@Command(
    name = "reap",
    hidden = true,
    description = "Records the runs of a dead supervisor (internal).")
final class ReapCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "A run directory or a batch directory.")
  Path dir;

  private final Context context;

  ReapCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    Path d = context.workingDir().resolve(dir).toAbsolutePath().normalize();
    if (new BatchDir(d).holdsBatch()) {
      context.out().println(ResultJson.write(BatchReap.reap(d, context.env())));
      return ExitCode.OK.code();
    }
    if (!Files.isRegularFile(new RunDir(d).state())) {
      throw new UsageException("reap: " + d + " is neither a run directory nor a batch directory");
    }
    RunView view = new RunStore(d.getParent()).look(d, Keeper.endedBefore(context.env()));
    context.out().println(Printer.view(view, OutputFormat.JSON));
    return ExitCode.OK.code();
  }
}
