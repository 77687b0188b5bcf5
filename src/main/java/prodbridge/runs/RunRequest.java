package prodbridge.runs;

import java.util.List;

/**
 * What the user asked for, before anything is resolved. {@code command} is the command word
 * (prod-episode, run); {@code profile} the profile it runs under; {@code topic} and {@code
 * episodeId} may be null; {@code commandLine} is the child's argv for {@code run} (empty for the
 * prod-* commands, whose argv is the profile's template. The command line's limits are already
 * layered into the profile by the config loader. {@code runId} is null for a new run.
 */
public record RunRequest(
    String command,
    String profile,
    String topic,
    String episodeId,
    List<String> commandLine,
    String runId) {

  public RunRequest {
    commandLine = List.copyOf(commandLine);
  }

  public RunRequest(
      String command, String profile, String topic, String episodeId, List<String> commandLine) {
    this(command, profile, topic, episodeId, commandLine, null);
  }

  /**
   * True for the commands that work on an earlier run's files: prod-audio, and prod-script without
   * a topic.
   */
  public boolean needsExistingEpisode() {
    return episodeId != null
        && (command.equals("prod-audio")
            || command.equals("prod-script") && (topic == null || topic.isBlank()));
  }

  /**
   * The same request for a run whose id was chosen already (the detached supervisor of a planned
   * run).
   */
  public RunRequest withRunId(String id) {
    return new RunRequest(command, profile, topic, episodeId, commandLine, id);
  }
}
