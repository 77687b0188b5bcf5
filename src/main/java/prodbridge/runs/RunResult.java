package prodbridge.runs;

import java.util.List;
import prodbridge.classify.ErrorType;

/**
 * The result handed back: the original design's field names, plus the evidence a user needs to act. Null means
 * unknown (a cost the pipeline never stated; peak memory before monitoring exists), never zero.
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
    int attempts,
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

  /** The same result with only the first {@code keep} output files listed. */
  RunResult withFilesCut(int keep) {
    int omitted = outputFilesOmitted + Math.max(0, outputFiles.size() - keep);
    return new RunResult(
        command, runId, episodeId, topic, status, errorType, errorMessage, hint, finalCost, budget,
        qualityScore, qualityThreshold, List.copyOf(outputFiles.subList(0, Math.min(keep, outputFiles.size()))),
        omitted, executionTime, exitCode, signal, attempts, peakMemoryMb, processesEnded, stderrTail, runDir,
        logs);
  }

  /** The same result with the free-text fields cut to {@code chars} characters each. */
  RunResult withTextCut(int chars) {
    return new RunResult(
        command, runId, episodeId, Text.cut(topic, chars), status, errorType, Text.cut(errorMessage, chars), hint,
        finalCost, budget, qualityScore, qualityThreshold, outputFiles, outputFilesOmitted, executionTime,
        exitCode, signal, attempts, peakMemoryMb, processesEnded, Text.tail(stderrTail, chars), runDir, logs);
  }
}
