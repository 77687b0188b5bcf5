package prodbridge.batch;

import java.util.regex.Pattern;

/**
 * One job of a batch, resolved: its place in the file ({@code seq} from 1, and the line), a stable
 * id (the episode id when the row gives one, else a hash of the row), the episode id its files go
 * under, the command word, and the limits its profile and row give it. {@code worstCaseSeconds} is
 * the longest its run can take with every attempt and wait; {@code memoryLimitBytes} is null when
 * its profile sets no memory limit.
 */
public record BatchJob(
    int seq,
    String jobId,
    int line,
    String topic,
    String episodeId,
    String command,
    double budget,
    double qualityThreshold,
    long worstCaseSeconds,
    Long memoryLimitBytes) {

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

  /**
   * True for an id that is safe as a command-line word and a file name (what the planner produces).
   */
  public static boolean isJobId(String id) {
    return id != null && SAFE_ID.matcher(id).matches() && !id.contains("..");
  }
}
