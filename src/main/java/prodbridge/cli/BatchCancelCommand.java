package prodbridge.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import prodbridge.batch.BatchCancel;
import prodbridge.batch.BatchDir;
import prodbridge.batch.BatchReport;
import prodbridge.batch.SlurmCli;

@Command(
    mixinStandardHelpOptions = true,
    name = "batch-cancel",
    description =
        "Stops a batch: its running jobs end as cancelled (batch --resume runs them again); Slurm"
            + " batches are cancelled with scancel.")
final class BatchCancelCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "The batch directory.")
  Path dir;

  @Mixin FormatMixin format;

  private final Context context;

  BatchCancelCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    BatchDir batch = new BatchDir(context.workingDir().resolve(dir));
    var manifest = BatchReport.manifest(batch);
    String what = BatchCancel.cancel(batch, new SlurmCli());
    context.err().println("prod-bridge: " + what);
    context
        .out()
        .println(BatchPrinter.summary(BatchReport.of(batch, manifest), format.in(context)));
    return ExitCode.OK.code();
  }
}
