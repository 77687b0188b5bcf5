package prodbridge.runs;

import java.util.List;
import java.util.Optional;
import prodbridge.classify.Classifier;
import prodbridge.classify.ErrorType;
import prodbridge.classify.Evidence;
import prodbridge.classify.Evidence.Observation;
import prodbridge.config.DurationText;
import prodbridge.supervise.Outcome;

/** Builds the result of a finished run from its plan, what the supervisor saw, and what the pipeline said. */
final class ResultAssembler {
  static final int STDERR_TAIL_CHARS = 2048;
  static final int MAX_LISTED_FILES = 50;
  static final int MAX_TEXT_CHARS = 1000;

  private final Classifier classifier;

  ResultAssembler(Classifier classifier) {
    this.classifier = classifier;
  }

  RunResult assemble(RunPlan plan, Outcome o) {
    Optional<PipelineResult> said = PipelineResultReader.read(o.stdoutTail(), plan.profile().resultPatterns());
    Evidence evidence =
        new Evidence(
            observation(o), o.exitCode(), said.map(PipelineResult::failed).orElse(false), o.stderrTail(),
            o.stdoutTail());
    Optional<ErrorType> error = classifier.classify(evidence);
    RunStatus status =
        error.isEmpty() ? RunStatus.SUCCESS
            : error.get() == ErrorType.CANCELLED ? RunStatus.CANCELLED : RunStatus.ERROR;
    List<OutputFile> files =
        OutputInventory.list(
            plan.outputDir(), said.map(PipelineResult::outputFiles).orElse(List.of()), plan.workingDir());
    RunResult result =
        new RunResult(
            plan.command(),
            plan.runId(),
            said.map(PipelineResult::episodeId).orElse(plan.episodeId()),
            plan.topic() != null ? plan.topic() : said.map(PipelineResult::topic).orElse(null),
            status,
            error.orElse(null),
            error.map(t -> Text.cut(message(t, plan, o, said), MAX_TEXT_CHARS)).orElse(null),
            error.map(ErrorType::hint).orElse(null),
            said.map(PipelineResult::totalCost).orElse(null),
            plan.profile().budget(),
            said.map(PipelineResult::quality).orElse(null),
            plan.profile().qualityThreshold(),
            files,
            0,
            Math.round(o.elapsed().toMillis()) / 1000.0,
            o.exitCode(),
            o.signal() == null ? null : SignalName.of(o.signal()),
            1,
            null,
            new RunResult.ProcessesEnded(o.treeStop().terminated(), o.treeStop().killed()),
            Text.tail(o.stderrTail(), STDERR_TAIL_CHARS),
            plan.runDir().toString(),
            new RunResult.Logs(plan.stdoutLog().toString(), plan.stderrLog().toString()));
    return ResultJson.bounded(result.withFilesCut(MAX_LISTED_FILES));
  }

  private static Observation observation(Outcome o) {
    switch (o.reason()) {
      case DEADLINE:
        return Observation.DEADLINE_FIRED;
      case CANCELLED:
        return Observation.CANCELLED_BY_USER;
      case LAUNCH_FAILED:
        return Observation.LAUNCH_FAILED;
      case EXITED:
      default:
        return Observation.EXITED;
    }
  }

  private static String message(ErrorType type, RunPlan plan, Outcome o, Optional<PipelineResult> said) {
    String ended = ended(o);
    switch (type) {
      case TIMEOUT_ERROR:
        return "timed out after " + DurationText.format(plan.profile().timeout()) + ended;
      case CANCELLED:
        return "cancelled after " + seconds(o) + ended;
      default:
        if (o.launchError() != null) {
          return o.launchError();
        }
        String stated = said.map(PipelineResult::error).filter(e -> !e.isBlank()).orElse(null);
        if (stated != null) {
          return stated;
        }
        String how = o.signal() != null
            ? "killed by " + SignalName.of(o.signal()) + " (exit " + o.exitCode() + ")"
            : "exited with code " + o.exitCode();
        if (o.exitCode() != null && o.exitCode() == 0) {
          how = "reported status \"" + said.map(PipelineResult::status).orElse("?") + "\"";
        }
        String who = plan.command().equals("run") ? "the command " : "the pipeline ";
        String line = lastLine(o.stderrTail());
        return line == null ? who + how : who + how + ": " + line;
    }
  }

  private static String ended(Outcome o) {
    if (!o.treeStop().signalledAnything()) {
      return "";
    }
    String s = "; ended " + o.treeStop().terminated() + " process(es) with SIGTERM";
    if (o.treeStop().killed() > 0) {
      s += ", " + o.treeStop().killed() + " needed SIGKILL";
    }
    return s;
  }

  private static String seconds(Outcome o) {
    return String.format(java.util.Locale.ROOT, "%.1fs", o.elapsed().toMillis() / 1000.0);
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    String last = lines[lines.length - 1].strip();
    return last.isEmpty() ? null : last;
  }
}
