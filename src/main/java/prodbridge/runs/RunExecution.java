package prodbridge.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import prodbridge.classify.Classifier;
import prodbridge.supervise.Outcome;
import prodbridge.supervise.StopReason;
import prodbridge.supervise.Supervisor;

/**
 * One run being carried out: creates its directories, supervises the child, writes and returns the result.
 * {@link #cancel()} and {@link #abandon()} may be called from any thread (a signal handler, a shutdown hook).
 */
public final class RunExecution {
  private final RunPlan plan;
  private final Supervisor supervisor = new Supervisor();

  public RunExecution(RunPlan plan) {
    this.plan = plan;
  }

  public RunResult execute() throws IOException {
    RunFiles.createPrivateDirectories(plan.runDir());
    if (plan.outputDir() != null) {
      Files.createDirectories(plan.outputDir());
    }
    RunFiles.createPrivateFile(plan.stdoutLog());
    RunFiles.createPrivateFile(plan.stderrLog());
    RunFiles.writeAtomically(plan.runDir().resolve("run.json"), ResultJson.write(description()));
    Outcome outcome = supervisor.run(plan.launchSpec());
    RunResult result = new ResultAssembler(new Classifier()).assemble(plan, outcome);
    RunFiles.writeAtomically(plan.resultFile(), ResultJson.write(result));
    return result;
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

  /** What was launched, kept beside the logs so a run can be understood without its caller's terminal. */
  private Map<String, Object> description() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("run_id", plan.runId());
    d.put("command", plan.command());
    d.put("profile", plan.profile().name());
    d.put("topic", plan.topic());
    d.put("episode_id", plan.episodeId());
    d.put("argv", plan.argv());
    d.put("working_dir", plan.workingDir().toString());
    d.put("output_dir", plan.outputDir() == null ? null : plan.outputDir().toString());
    d.put("environment_names", plan.environment().keySet());
    return d;
  }
}
