package prodbridge.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import prodbridge.batch.BatchDir;
import prodbridge.batch.BatchReport;

@Command(
    mixinStandardHelpOptions = true,
    name = "batch-status",
    description =
        "Where a batch stands, running or finished: jobs by status, failures by type, cost, hints.")
final class BatchStatusCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "The batch directory (batch prints it).")
  Path dir;

  @Mixin FormatMixin format;

  private final Context context;

  BatchStatusCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    BatchDir batch = new BatchDir(context.workingDir().resolve(dir));
    context
        .out()
        .println(
            BatchPrinter.summary(
                BatchReport.of(batch, BatchReport.manifest(batch)), format.in(context)));
    return ExitCode.OK.code();
  }
}
