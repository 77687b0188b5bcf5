package prodbridge.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import prodbridge.config.EffectiveConfig;
import prodbridge.config.Profile;
import prodbridge.config.RetryPolicy;
import prodbridge.config.UsageException;
import prodbridge.runs.EpisodeId;

/**
 * Turns the rows of a batch file into jobs: the command each runs (its row's, else the batch's),
 * its budget and threshold (its row's, else its profile's), and a stable id. Rows that would be the
 * same job, and episode ids used twice, are usage errors naming both lines.
 */
public final class BatchPlanner {
  private static final List<String> COMMANDS =
      List.of("prod-episode", "prod-research", "prod-script", "prod-audio");

  private final String fileName;
  private final String defaultCommand;
  private final BiFunction<Double, Double, EffectiveConfig> configFor;

  /**
   * {@code configFor} loads the configuration with a row's budget and threshold (null: the
   * profile's) layered on top, exactly as the job's own run will.
   */
  public BatchPlanner(
      String fileName,
      String defaultCommand,
      BiFunction<Double, Double, EffectiveConfig> configFor) {
    this.fileName = fileName;
    this.defaultCommand = defaultCommand;
    this.configFor = configFor;
  }

  public List<BatchJob> plan(List<BatchRow> rows) {
    EffectiveConfig base = configFor.apply(null, null);
    checkCommand(defaultCommand, "--command", base);
    Map<String, Integer> lineOfId = new HashMap<>();
    Map<String, Integer> lineOfEpisode = new HashMap<>();
    List<BatchJob> jobs = new ArrayList<>();
    for (BatchRow row : rows) {
      String where = fileName + ":" + row.line();
      String command = row.command() == null ? defaultCommand : row.command();
      checkCommand(command, where + ": command", base);
      EffectiveConfig config =
          row.budget() == null && row.qualityThreshold() == null
              ? base
              : configFor.apply(row.budget(), row.qualityThreshold());
      Profile profile = config.profile(command);
      String jobId;
      String episodeId;
      if (row.episodeId() != null) {
        try {
          episodeId = EpisodeId.validate(row.episodeId());
        } catch (UsageException e) {
          throw new UsageException(
              where + ": episode_id " + e.getMessage().replaceFirst("^--episode-id ", ""));
        }
        jobId = episodeId;
      } else {
        jobId = hash(row.topic(), command, profile.budget(), profile.qualityThreshold());
        episodeId = "ep_" + jobId;
      }
      Integer earlier = lineOfId.putIfAbsent(jobId, row.line());
      if (earlier != null) {
        throw new UsageException(
            where
                + ": job id "
                + jobId
                + " is also the job on line "
                + earlier
                + (row.episodeId() != null
                    ? " (same episode_id)"
                    : " (same topic, command, budget and threshold)")
                + "; give each row its own episode_id");
      }
      Integer sameEpisode = lineOfEpisode.putIfAbsent(episodeId, row.line());
      if (sameEpisode != null) {
        throw new UsageException(
            where + ": episode id " + episodeId + " is also used on line " + sameEpisode);
      }
      jobs.add(
          new BatchJob(
              jobs.size() + 1,
              jobId,
              row.line(),
              row.topic(),
              episodeId,
              command,
              profile.budget(),
              profile.qualityThreshold(),
              worstCaseSeconds(profile),
              profile.memoryLimit() == null ? null : profile.memoryLimit().bytes()));
    }
    return jobs;
  }

  private static void checkCommand(String command, String where, EffectiveConfig config) {
    if (command.equals("run") || !config.profiles().containsKey(command)) {
      throw new UsageException(
          where
              + ": \""
              + command
              + "\" is not a pipeline command (use one of "
              + String.join(", ", COMMANDS)
              + ", or a profile of your config file with an argv)");
    }
    if (config.profile(command).argv().isEmpty()) {
      throw new UsageException(
          where
              + ": profile "
              + command
              + " has no argv; set profiles."
              + command
              + ".argv in your config file");
    }
  }

  /**
   * Every attempt to its deadline plus grace, every wait at its longest, and a minute for the
   * bridge itself.
   */
  static long worstCaseSeconds(Profile profile) {
    RetryPolicy retry = profile.retry();
    long seconds = 60;
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      seconds += profile.timeout().plus(profile.grace()).toSeconds() + 1;
      if (attempt < retry.maxAttempts()) {
        seconds += retry.delayAfter(attempt, 0).toSeconds() + 1;
      }
    }
    return seconds;
  }

  private static String hash(String topic, String command, double budget, double threshold) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] d =
          sha.digest(
              (topic + "\0" + command + "\0" + budget + "\0" + threshold)
                  .getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
