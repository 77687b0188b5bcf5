package prodbridge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import prodbridge.batch.JobRecord;
import prodbridge.batch.JobTask;
import prodbridge.monitor.ProgressListener;
import prodbridge.runs.Relaunch;
import prodbridge.runs.ResultJson;
import prodbridge.runs.RunExecution;
import prodbridge.runs.RunId;
import prodbridge.runs.RunResult;

/**
 * The supervisor of one job of a batch run by a scheduler (internal: each Slurm array task runs
 * it). It admits the job, runs it like a foreground run (with its own keeper), cancels it on
 * SIGTERM or Ctrl-C, and with {@code --watch-stdin} also when its stdin closes, then records the
 * outcome in the batch's journal and prints it.
 */
@Command(
    name = "batch-job",
    hidden = true,
    description = "Supervises one job of a batch (internal).")
final class BatchJobCommand implements Callable<Integer> {
  @Option(names = "--batch-dir", required = true, paramLabel = "DIR")
  Path batchDir;

  @Option(names = "--job", paramLabel = "JOB_ID")
  String jobId;

  @Option(names = "--slurm-array", paramLabel = "FILE")
  Path arrayFile;

  @Option(names = "--run-id", paramLabel = "RUN_ID")
  String runId;

  @Option(names = "--watch-stdin")
  boolean watchStdin;

  private final Context context;

  BatchJobCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    JobTask task =
        JobTask.of(context.workingDir().resolve(batchDir), jobId, arrayFile, context.env());
    String id = runId != null ? runId : RunId.next(task.job().command(), ZonedDateTime.now());
    RunExecution execution =
        new RunExecution(task.plan(id, context.env()), ProgressListener.NONE, true)
            .keptBy(Relaunch.command());
    if (arrayFile != null) {
      String reason =
          context.signals() == null
              ? task.admit(id)
              : context.signals().during(execution::cancel, () -> {}, () -> task.admit(id));
      if (reason != null) {
        return printed(task.skipped(reason));
      }
    }
    if (watchStdin) {
      watch(execution);
    }
    Instant started = Instant.now();
    RunResult result =
        context.signals() == null
            ? execution.execute()
            : context.signals().during(execution, execution::execute);
    return printed(task.finished(result, started));
  }

  /**
   * Prints the journal line and exits with the code it records (an error class's, the same as
   * ExitCode.of).
   */
  private int printed(JobRecord r) {
    context.out().println(ResultJson.write(r));
    return r.exitCode() == null ? ExitCode.OK.code() : r.exitCode();
  }

  /**
   * Cancels the run when stdin reaches its end: the coordinator that holds the other end of the
   * pipe is gone.
   */
  private static void watch(RunExecution execution) {
    Thread t =
        new Thread(
            () -> {
              try {
                while (System.in.read() >= 0) {
                  // the coordinator never writes; anything it did write is ignored
                }
              } catch (IOException closed) {
                // the same as the end of the stream
              }
              execution.cancel();
            },
            "prod-bridge-coordinator-watch");
    t.setDaemon(true);
    t.start();
  }
}
