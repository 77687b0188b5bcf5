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
    return new RunResult(
        command,
        runId,
        episodeId,
        topic,
        status,
        errorType,
        message,
        hint,
        totalCost,
        budget,
        qualityScore,
        qualityThreshold,
        outputFiles,
        outputFilesOmitted,
        totalSeconds,
        exitCode,
        signal,
        List.copyOf(all),
        peakMb,
        processesEnded,
        stderrTail,
        runDir,
        logs);
  }

  /** The same result marked cancelled, with {@code message} saying so. */
  RunResult asCancelled(String message) {
    return new RunResult(
        command,
        runId,
        episodeId,
        topic,
        RunStatus.CANCELLED,
        ErrorType.CANCELLED,
        message,
        ErrorType.CANCELLED.hint(),
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

  /** The same result with only the first {@code keep} output files listed. */
  RunResult withFilesCut(int keep) {
    int omitted = outputFilesOmitted + Math.max(0, outputFiles.size() - keep);
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
        List.copyOf(outputFiles.subList(0, Math.min(keep, outputFiles.size()))),
        omitted,
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

  /** The same result with the free-text fields cut to {@code chars} characters each. */
  RunResult withTextCut(int chars) {
    return new RunResult(
        command,
        runId,
        episodeId,
        Text.cut(topic, chars),
        status,
        errorType,
        Text.cut(errorMessage, chars),
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
        Text.tail(stderrTail, chars),
        runDir,
        logs);
  }
}
