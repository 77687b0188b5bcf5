package prodbridge.runs;

import java.io.IOException;
import prodbridge.classify.Classifier;
import prodbridge.classify.Redactor;
import prodbridge.monitor.MonitorLimits;
import prodbridge.monitor.MonitorReport;
import prodbridge.monitor.ProgressListener;
import prodbridge.monitor.RunMonitor;
import prodbridge.monitor.Violation;
import prodbridge.supervise.LaunchSpec;
import prodbridge.supervise.Outcome;
import prodbridge.supervise.ProcessTree;
import prodbridge.supervise.StopReason;
import prodbridge.supervise.Supervisor;

/**
 * One supervised and monitored launch of a run's child, allowed to spend {@code budget}; used once.
 */
final class Attempt {
  private final RunPlan plan;
  private final int number;
  private final double budget;
  private final ProgressListener progress;
  private final Classifier classifier;
  private final java.util.function.Consumer<ProcessTree> onLaunch;
  private final Supervisor supervisor = new Supervisor();
  private volatile StoreFailure storeFailure;
  private final boolean recordExit;

  Attempt(
      RunPlan plan,
      int number,
      double budget,
      ProgressListener progress,
      Classifier classifier,
      java.util.function.Consumer<ProcessTree> onLaunch,
      boolean recordExit) {
    this.plan = plan;
    this.recordExit = recordExit;
    this.number = number;
    this.budget = budget;
    this.progress = progress;
    this.classifier = classifier;
    this.onLaunch = onLaunch;
  }

  RunResult run() throws IOException {
    RunFiles.createPrivateFile(plan.stdoutLog());
    RunFiles.createPrivateFile(plan.stderrLog());
    MonitorLimits limits =
        MonitorLimits.of(plan.profile().monitorInterval(), budget)
            .withMemoryLimit(
                plan.profile().memoryLimit() == null ? null : plan.profile().memoryLimit().bytes())
            .withStallTimeout(plan.profile().stallTimeout());
    supervisor.onChildExit(code -> ChildExit.write(plan.runDir(), number, code));
    ProgressListener watchingLogs =
        sample -> {
          endIfLogsFail();
          progress.update(sample);
        };
    RunMonitor monitor =
        new RunMonitor(
            limits,
            plan.eventsLog(),
            plan.outputDir(),
            plan.costFile(),
            plan.childEventsFile(),
            supervisor::lastOutputNanos,
            watchingLogs,
            this::stopFor,
            Redactor::redact);
    LaunchSpec spec = plan.launchSpec(monitor::onStdoutLine, budget);
    java.nio.file.Files.deleteIfExists(plan.files().childExitCode());
    if (recordExit) {
      spec =
          new LaunchSpec(
              spec.runId(),
              ChildExit.recorded(spec.argv(), plan.runDir()),
              spec.workingDir(),
              spec.environment(),
              spec.stdoutLog(),
              spec.stderrLog(),
              spec.timeout(),
              spec.grace(),
              spec.stdoutLines(),
              spec.scrub());
    }
    Outcome outcome =
        supervisor.run(
            spec,
            tree -> {
              onLaunch.accept(tree);
              monitor.start(tree::sampledResidentBytes);
            });
    MonitorReport report = monitor.stop(outcome.reason());
    if (storeFailure == null && outcome.logFailure() != null) {
      storeFailure = StoreFailure.of(outcome.logFailure());
    }
    return new ResultAssembler(classifier).assemble(plan, number, outcome, report, storeFailure);
  }

  private void stopFor(Violation v) {
    supervisor.requestStop(v.reason());
  }

  void cancel() {
    supervisor.requestStop(StopReason.CANCELLED);
  }

  /** Ends the tree because the run's store cannot be written; the result says why. */
  void storeFailed(StoreFailure failure) {
    storeFailure = failure;
    supervisor.requestStop(StopReason.STORE_FAILED);
  }

  /**
   * A log that can no longer be written (a full disk) ends the run at the next sample, like a full
   * store.
   */
  private void endIfLogsFail() {
    if (storeFailure == null && supervisor.logFailure() != null) {
      storeFailed(StoreFailure.of(supervisor.logFailure()));
    }
  }

  void abandon() {
    supervisor.killNow();
  }
}
