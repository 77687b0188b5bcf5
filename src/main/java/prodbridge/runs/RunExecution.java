package prodbridge.runs;

import java.io.IOException;
import java.nio.file.Files;
import prodbridge.classify.Classifier;
import prodbridge.classify.Redactor;
import prodbridge.monitor.MemoryProbe;
import prodbridge.monitor.MonitorLimits;
import prodbridge.monitor.MonitorReport;
import prodbridge.monitor.ProgressListener;
import prodbridge.monitor.RunMonitor;
import prodbridge.monitor.Violation;
import prodbridge.supervise.Outcome;
import prodbridge.supervise.StopReason;
import prodbridge.supervise.Supervisor;

/**
 * One run being carried out: creates its directories, supervises and monitors the child, writes and returns the
 * result. {@link #cancel()} and {@link #abandon()} may be called from any thread (a signal handler, a shutdown hook).
 */
public final class RunExecution {
  private final RunPlan plan;
  private final ProgressListener progress;
  private final Supervisor supervisor = new Supervisor();

  public RunExecution(RunPlan plan, ProgressListener progress) {
    this.plan = plan;
    this.progress = progress;
    MemoryProbe.warmUp();
  }

  public RunResult execute() throws IOException {
    RunFiles.createPrivateDirectories(plan.runDir());
    if (plan.outputDir() != null) {
      Files.createDirectories(plan.outputDir());
    }
    RunFiles.createPrivateFile(plan.stdoutLog());
    RunFiles.createPrivateFile(plan.stderrLog());
    RunFiles.createPrivateFile(plan.eventsLog());
    RunFiles.writeAtomically(plan.runDir().resolve("run.json"), ResultJson.write(plan.describe()));
    MonitorLimits limits = new MonitorLimits(plan.profile().monitorInterval(),
        plan.profile().memoryLimit() == null ? null : plan.profile().memoryLimit().bytes(), plan.profile().budget(),
        plan.profile().stallTimeout());
    RunMonitor monitor = new RunMonitor(limits, plan.eventsLog(), plan.outputDir(), plan.costFile(),
        plan.childEventsFile(), supervisor::lastOutputNanos, progress, this::stopFor, Redactor::redact);
    Outcome outcome = supervisor.run(plan.launchSpec(monitor::onStdoutLine), tree -> monitor.start(tree::memberPids));
    MonitorReport report = monitor.stop(outcome.reason().name().toLowerCase(java.util.Locale.ROOT));
    RunResult result = new ResultAssembler(new Classifier()).assemble(plan, outcome, report);
    RunFiles.writeAtomically(plan.resultFile(), ResultJson.write(result));
    return result;
  }

  private void stopFor(Violation v) {
    supervisor.requestStop(switch (v.kind()) {
      case MEMORY_LIMIT -> StopReason.MEMORY_LIMIT;
      case BUDGET -> StopReason.BUDGET_EXCEEDED;
      case STALL -> StopReason.STALLED;
    });
  }

  /** Ends the run's tree (SIGTERM, grace, SIGKILL) and makes the result CANCELLED; a second call hurries. */
  public void cancel() {
    supervisor.requestStop(StopReason.CANCELLED);
  }

  /** SIGKILLs what is left of the tree at once, for a bridge that is exiting without a result. */
  public void abandon() {
    supervisor.killNow();
  }

  public RunPlan plan() {
    return plan;
  }
}
