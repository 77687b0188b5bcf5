package prodbridge.runs;

import java.util.List;
import prodbridge.classify.ErrorType;

/**
 * The result handed back: the original design's field names, plus the evidence a user needs to act.
 * Null means unknown (a cost the pipeline never stated; peak memory before monitoring exists),
 * never zero. With retries, the outcome fields are the last attempt's, {@code finalCost} and {@code
 * executionTime} cover all attempts (waits included), and {@code attempts} lists each one.
 */
public record RunResult(
    String command,
    String runId,
    String episodeId,
    String topic,
    RunStatus status,
    ErrorType errorType,
    String errorMessage,
    String hint,
    Double finalCost,
    double budget,
    Double qualityScore,
    double qualityThreshold,
    List<OutputFile> outputFiles,
    int outputFilesOmitted,
    double executionTime,
    Integer exitCode,
    String signal,
    List<AttemptSummary> attempts,
    Long peakMemoryMb,
    ProcessesEnded processesEnded,
    String stderrTail,
    String runDir,
    Logs logs) {

  /** The run's log files. */
  public record Logs(String stdout, String stderr) {}

  /** How many processes of the run's tree the bridge had to signal at the end. */
  public record ProcessesEnded(int sigterm, int sigkill) {}

  public boolean succeeded() {
    return status == RunStatus.SUCCESS;
  }

  /** This (last) attempt's result as the result of the whole run of {@code all} attempts. */
  RunResult afterAttempts(
      List<AttemptSummary> all, Double totalCost, double totalSeconds, Long peakMb, String note) {
    String message =
        note == null || errorMessage == null ? errorMessage : errorMessage + "; " + note;
    return toBuilder()
        .errorMessage(message)
        .finalCost(totalCost)
        .executionTime(totalSeconds)
        .attempts(List.copyOf(all))
        .peakMemoryMb(peakMb)
        .build();
  }

  /** The same result marked cancelled, with {@code message} saying so. */
  RunResult asCancelled(String message) {
    return toBuilder()
        .status(RunStatus.CANCELLED)
        .errorType(ErrorType.CANCELLED)
        .errorMessage(message)
        .hint(ErrorType.CANCELLED.hint())
        .build();
  }

  /** The same result with only the first {@code keep} output files listed. */
  RunResult withFilesCut(int keep) {
    return toBuilder()
        .outputFiles(List.copyOf(outputFiles.subList(0, Math.min(keep, outputFiles.size()))))
        .outputFilesOmitted(outputFilesOmitted + Math.max(0, outputFiles.size() - keep))
        .build();
  }

  /** The same result with the free-text fields cut to {@code chars} characters each. */
  RunResult withTextCut(int chars) {
    return toBuilder()
        .topic(Text.cut(topic, chars))
        .errorMessage(Text.cut(errorMessage, chars))
        .stderrTail(Text.tail(stderrTail, chars))
        .build();
  }

  /** A result built field by field, every field unset (null, zero or false) until set. */
  static Builder builder() {
    return new Builder();
  }

  /** A builder holding this result's fields, to change some and build a new result. */
  Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link RunResult} by field name, not by position. */
  static final class Builder {
    private String command;
    private String runId;
    private String episodeId;
    private String topic;
    private RunStatus status;
    private ErrorType errorType;
    private String errorMessage;
    private String hint;
    private Double finalCost;
    private double budget;
    private Double qualityScore;
    private double qualityThreshold;
    private List<OutputFile> outputFiles;
    private int outputFilesOmitted;
    private double executionTime;
    private Integer exitCode;
    private String signal;
    private List<AttemptSummary> attempts;
    private Long peakMemoryMb;
    private ProcessesEnded processesEnded;
    private String stderrTail;
    private String runDir;
    private Logs logs;

    private Builder() {}

    private Builder(RunResult r) {
      command = r.command;
      runId = r.runId;
      episodeId = r.episodeId;
      topic = r.topic;
      status = r.status;
      errorType = r.errorType;
      errorMessage = r.errorMessage;
      hint = r.hint;
      finalCost = r.finalCost;
      budget = r.budget;
      qualityScore = r.qualityScore;
      qualityThreshold = r.qualityThreshold;
      outputFiles = r.outputFiles;
      outputFilesOmitted = r.outputFilesOmitted;
      executionTime = r.executionTime;
      exitCode = r.exitCode;
      signal = r.signal;
      attempts = r.attempts;
      peakMemoryMb = r.peakMemoryMb;
      processesEnded = r.processesEnded;
      stderrTail = r.stderrTail;
      runDir = r.runDir;
      logs = r.logs;
    }

    Builder command(String v) {
      command = v;
      return this;
    }

    Builder runId(String v) {
      runId = v;
      return this;
    }

    Builder episodeId(String v) {
      episodeId = v;
      return this;
    }

    Builder topic(String v) {
      topic = v;
      return this;
    }

    Builder status(RunStatus v) {
      status = v;
      return this;
    }

    Builder errorType(ErrorType v) {
      errorType = v;
      return this;
    }

    Builder errorMessage(String v) {
      errorMessage = v;
      return this;
    }

    Builder hint(String v) {
      hint = v;
      return this;
    }

    Builder finalCost(Double v) {
      finalCost = v;
      return this;
    }

    Builder budget(double v) {
      budget = v;
      return this;
    }

    Builder qualityScore(Double v) {
      qualityScore = v;
      return this;
    }

    Builder qualityThreshold(double v) {
      qualityThreshold = v;
      return this;
    }

    Builder outputFiles(List<OutputFile> v) {
      outputFiles = v;
      return this;
    }

    Builder outputFilesOmitted(int v) {
      outputFilesOmitted = v;
      return this;
    }

    Builder executionTime(double v) {
      executionTime = v;
      return this;
    }

    Builder exitCode(Integer v) {
      exitCode = v;
      return this;
    }

    Builder signal(String v) {
      signal = v;
      return this;
    }

    Builder attempts(List<AttemptSummary> v) {
      attempts = v;
      return this;
    }

    Builder peakMemoryMb(Long v) {
      peakMemoryMb = v;
      return this;
    }

    Builder processesEnded(ProcessesEnded v) {
      processesEnded = v;
      return this;
    }

    Builder stderrTail(String v) {
      stderrTail = v;
      return this;
    }

    Builder runDir(String v) {
      runDir = v;
      return this;
    }

    Builder logs(Logs v) {
      logs = v;
      return this;
    }

    RunResult build() {
      return new RunResult(
          command,
          runId,
          episodeId,
          topic,
          status,
          errorType,
          errorMessage,
          hint,
          finalCost,
          budget,
          qualityScore,
          qualityThreshold,
          outputFiles,
          outputFilesOmitted,
          executionTime,
          exitCode,
          signal,
          attempts,
          peakMemoryMb,
          processesEnded,
          stderrTail,
          runDir,
          logs);
    }
  }
}
