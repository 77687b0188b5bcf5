package prodbridge.runs;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import prodbridge.classify.Classification;
import prodbridge.classify.Classifier;
import prodbridge.classify.ErrorType;
import prodbridge.classify.Evidence;
import prodbridge.classify.Redactor;
import prodbridge.classify.SignalName;
import prodbridge.config.DurationText;
import prodbridge.monitor.MonitorReport;
import prodbridge.supervise.Outcome;
import prodbridge.supervise.StopReason;

/**
 * Builds the result of a finished run from its plan, what the supervisor and monitor saw, and what
 * the pipeline said.
 */
final class ResultAssembler {
  static final int STDERR_TAIL_CHARS = 2048;
  static final int MAX_LISTED_FILES = 50;
  static final int MAX_TEXT_CHARS = 1000;

  private final Classifier classifier;

  ResultAssembler(Classifier classifier) {
    this.classifier = classifier;
  }

  /**
   * The result of attempt {@code attempt} alone; {@link RunResult#afterAttempts} makes it the
   * run's.
   */
  RunResult assemble(RunPlan plan, int attempt, Outcome o, MonitorReport seen) {
    return assemble(plan, attempt, o, seen, null);
  }

  /**
   * As above, for an attempt the bridge ended because its store failed ({@code storeFailure}, else
   * null).
   */
  RunResult assemble(
      RunPlan plan, int attempt, Outcome o, MonitorReport seen, StoreFailure storeFailure) {
    Optional<PipelineResult> said =
        PipelineResultReader.read(o.stdoutTail(), plan.profile().resultPatterns());
    Double quality = said.map(PipelineResult::quality).orElse(null);
    boolean belowBar = quality != null && quality < plan.profile().qualityThreshold();
    String stated =
        o.launchError() != null
            ? o.launchError()
            : said.map(PipelineResult::error).filter(e -> !e.isBlank()).orElse(null);
    Evidence evidence =
        new Evidence(
            o.reason(),
            o.exitCode(),
            o.signal(),
            said.map(PipelineResult::failed).orElse(false),
            stated,
            belowBar,
            o.stderrTail(),
            o.stdoutTail(),
            plan.outputDir());
    Optional<Classification> classified =
        o.reason() == StopReason.STORE_FAILED || storeFailure != null
            ? Optional.of(StoreFull.classification(storeFailure, classifier))
            : classifier.classify(evidence);
    Optional<ErrorType> error = classified.map(Classification::type);
    RunStatus status =
        error.isEmpty()
            ? RunStatus.SUCCESS
            : error.get() == ErrorType.CANCELLED ? RunStatus.CANCELLED : RunStatus.ERROR;
    List<OutputFile> files =
        OutputInventory.list(
            plan.outputDir(),
            said.map(PipelineResult::outputFiles).orElse(List.of()),
            plan.workingDir());
    Long peakMb =
        seen.peakMemoryBytes() == null ? null : Math.round(seen.peakMemoryBytes() / 1048576.0);
    Double cost = said.map(PipelineResult::totalCost).orElse(seen.cost());
    double seconds = Math.round(o.elapsed().toMillis()) / 1000.0;
    RunResult result =
        RunResult.builder()
            .command(plan.command())
            .runId(plan.runId())
            .episodeId(said.map(PipelineResult::episodeId).orElse(plan.episodeId()))
            .topic(
                plan.topic() != null ? plan.topic() : said.map(PipelineResult::topic).orElse(null))
            .status(status)
            .errorType(error.orElse(null))
            .errorMessage(
                classified
                    .map(
                        c ->
                            Text.cut(
                                Redactor.redact(message(c, plan, o, stated, seen, peakMb, quality)),
                                MAX_TEXT_CHARS))
                    .orElse(null))
            .hint(classified.map(c -> Redactor.redact(c.hint())).orElse(null))
            .finalCost(cost)
            .budget(plan.profile().budget())
            .qualityScore(quality)
            .qualityThreshold(plan.profile().qualityThreshold())
            .outputFiles(files)
            .executionTime(seconds)
            .exitCode(o.exitCode())
            .signal(o.signal() == null ? null : SignalName.of(o.signal()))
            .attempts(
                List.of(
                    new AttemptSummary(attempt, error.orElse(null), o.exitCode(), seconds, cost)))
            .peakMemoryMb(peakMb)
            .processesEnded(
                new RunResult.ProcessesEnded(o.treeStop().terminated(), o.treeStop().killed()))
            .stderrTail(Redactor.redact(Text.tail(o.stderrTail(), STDERR_TAIL_CHARS)))
            .runDir(plan.runDir().toString())
            .logs(new RunResult.Logs(plan.stdoutLog().toString(), plan.stderrLog().toString()))
            .build();
    return ResultJson.bounded(result.withFilesCut(MAX_LISTED_FILES));
  }

  private static String message(
      Classification c,
      RunPlan plan,
      Outcome o,
      String stated,
      MonitorReport seen,
      Long peakMb,
      Double quality) {
    if (!c.observedByBridge()) {
      return failure(c, plan, o, stated);
    }
    ErrorType type = c.type();
    String ended = ended(o);
    String limit = seen.violation() == null ? type.name() : seen.violation().message();
    if (o.reason() == StopReason.STORE_FAILED) {
      return c.evidence() + ended;
    }
    switch (type) {
      case TIMEOUT_ERROR:
        return "timed out after " + DurationText.format(plan.profile().timeout()) + ended;
      case CANCELLED:
        return "cancelled after " + seconds(o) + ended;
      case MEMORY_ERROR:
        if (o.reason().endedByBridge()) {
          return limit + " (peak " + peakMb + " MB)" + ended;
        }
        return "killed by SIGKILL that the bridge did not send; the kernel's OOM killer is the usual sender"
            + (peakMb == null ? "" : " (peak tree memory " + peakMb + " MB)");
      case QUALITY_BELOW_THRESHOLD:
        return String.format(
            Locale.ROOT,
            "quality %.1f is below the threshold %.1f; the episode's files are kept",
            quality,
            plan.profile().qualityThreshold());
      default:
        // a limit the monitor enforced (budget, stall, any new one): its violation says what was
        // crossed
        return seen.violation() != null && seen.violation().reason() == o.reason()
            ? limit + ended
            : failure(c, plan, o, stated);
    }
  }

  /**
   * How the child ended and the line that decided the class (else what it stated, else its last
   * stderr line).
   */
  private static String failure(Classification c, RunPlan plan, Outcome o, String stated) {
    if (o.launchError() != null) {
      return o.launchError();
    }
    String how =
        o.signal() != null
            ? "killed by " + SignalName.of(o.signal()) + " (exit " + o.exitCode() + ")"
            : "exited with code " + o.exitCode();
    if (o.exitCode() != null && o.exitCode() == 0) {
      how = "reported a failure";
    }
    String who = plan.command().equals("run") ? "the command " : "the pipeline ";
    String line =
        c.evidence() != null ? c.evidence() : stated != null ? stated : lastLine(o.stderrTail());
    return line == null ? who + how : who + how + ": " + line;
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
    return String.format(Locale.ROOT, "%.1fs", o.elapsed().toMillis() / 1000.0);
  }

  private static final java.util.regex.Pattern FRAME =
      java.util.regex.Pattern.compile("^(at |\\.\\.\\. \\d+ more|File \".*\", line \\d+)");
  private static final java.util.regex.Pattern JAVA_EXCEPTION =
      java.util.regex.Pattern.compile("^(?:Exception in thread \".*?\" |Caused by: )(.+)$");

  /**
   * The line of stderr that says most: the last Java exception (its root cause), else the last line
   * not a frame.
   */
  static String lastLine(String text) {
    List<String> lines = text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    String exception = null;
    for (String l : lines) {
      var m = JAVA_EXCEPTION.matcher(l);
      if (m.find()) {
        exception = m.group(1);
      }
    }
    if (exception != null) {
      return exception;
    }
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (!FRAME.matcher(lines.get(i)).find()) {
        return lines.get(i);
      }
    }
    return null;
  }
}
