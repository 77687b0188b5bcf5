package prodbridge.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import prodbridge.batch.BatchExecutor;
import prodbridge.batch.BatchPlan;
import prodbridge.batch.BatchProgress;
import prodbridge.batch.BatchRequest;
import prodbridge.batch.BatchSession;
import prodbridge.batch.BatchSetup;
import prodbridge.batch.BatchSummary;
import prodbridge.batch.Executor;
import prodbridge.batch.SlurmCli;
import prodbridge.config.Budget;
import prodbridge.config.UsageException;
import prodbridge.monitor.SystemMemory;
import prodbridge.runs.Relaunch;

@Command(
    mixinStandardHelpOptions = true,
    name = "batch",
    description =
        "Produces every topic of a file (CSV with a topic column, JSON Lines, or one topic per line):"
            + " in parallel, under a total budget, resumable; here or as a Slurm job array.")
final class BatchCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "The batch file.")
  Path file;

  @Option(
      names = "--command",
      paramLabel = "COMMAND",
      defaultValue = "prod-episode",
      description = "Command for rows without a command column (default: ${DEFAULT-VALUE}).")
  String command;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      converter = Converters.CountConverter.class,
      description = "Jobs at once (default: the number of CPUs); with Slurm, the array's throttle.")
  Integer parallel;

  @Option(
      names = "--total-budget",
      paramLabel = "USD",
      converter = Converters.BudgetConverter.class,
      description =
          "A job starts only if spent + running jobs' budgets + its own budget stay within this.")
  Budget totalBudget;

  @Option(
      names = "--max-failures",
      paramLabel = "N",
      converter = Converters.CountConverter.class,
      description = "Stop starting jobs once this many have failed in this session.")
  Integer maxFailures;

  @Option(
      names = "--resume",
      description = "Go on with the batch: skip jobs that succeeded (or failed).")
  boolean resume;

  @Option(
      names = "--retry-failed",
      description = "Like --resume, and run the failed jobs again too.")
  boolean retryFailed;

  @Option(
      names = "--batch-dir",
      paramLabel = "DIR",
      description = "The batch's directory (default: batches/<file name> under the runs root).")
  Path batchDir;

  @Option(
      names = "--executor",
      paramLabel = "EXECUTOR",
      defaultValue = "local",
      description =
          "local (default) or slurm: one job array, the batch directory on a shared filesystem.")
  Executor executor;

  @Option(
      names = "--dry-run",
      description = "Print the plan (jobs, commands, worst-case cost); run nothing.")
  boolean dryRun;

  @Mixin ConfigMixin config;

  @Mixin FormatMixin format;

  private final Context context;

  BatchCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    OutputFormat f = format.in(context);
    BatchRequest request =
        new BatchRequest(
            file,
            command,
            parallel != null ? parallel : Runtime.getRuntime().availableProcessors(),
            totalBudget == null ? null : totalBudget.usd(),
            maxFailures,
            resume,
            retryFailed,
            batchDir,
            executor,
            config.file);
    BatchPlan plan =
        new BatchSetup(context.env(), context.workingDir())
            .plan(request, SystemMemory.totalBytes());
    if (dryRun) {
      context.out().println(BatchPrinter.plan(plan, f, context.env()));
      return ExitCode.OK.code();
    }
    SlurmCli slurm = new SlurmCli();
    if (executor == Executor.SLURM && !slurm.reachable()) {
      throw new UsageException(
          "--executor slurm: no Slurm controller answers here (sinfo failed); run it on a"
              + " host of the cluster, or start one with .ci/slurm-local");
    }
    TerminalWidth width = new TerminalWidth(context.env());
    BatchProgressBar bar =
        context.stderrIsTerminal()
            ? new BatchProgressBar(new LiveLine(context.err(), width), width)
            : null;
    BatchProgress.Listener progress = bar == null ? BatchProgress.Listener.NONE : bar;
    BatchSummary summary;
    try (BatchSession session = BatchSession.open(plan)) {
      BatchExecutor runner =
          BatchExecutor.of(
              plan,
              new BatchExecutor.Machine(
                  Relaunch.command(),
                  context.env(),
                  SystemMemory::availableBytes,
                  SystemMemory.totalBytes(),
                  slurm));
      java.util.concurrent.Callable<BatchSummary> body = () -> session.run(runner, progress);
      summary =
          context.signals() == null
              ? body.call()
              : context.signals().during(session::cancel, () -> {}, body);
    } finally {
      if (bar != null) {
        bar.clear();
      }
    }
    summary = ReportRun.afterBatch(plan.dir(), summary);
    context.out().println(BatchPrinter.summary(summary, f));
    if (summary.allSucceeded()) {
      return ExitCode.OK.code();
    }
    return ("cancelled".equals(summary.state()) ? ExitCode.CANCELLED : ExitCode.NOT_ALL_SUCCEEDED)
        .code();
  }
}
