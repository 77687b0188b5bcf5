package prodbridge.cli;

import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import prodbridge.config.Budget;
import prodbridge.config.ByteSize;
import prodbridge.config.MonitorInterval;
import prodbridge.config.ProfileSettings;
import prodbridge.config.QualityThreshold;
import prodbridge.config.RetrySettings;

/** The options every run command shares; translated into the core's settings in one place. */
final class RunOptions {
  @Option(
      names = "--episode-id",
      paramLabel = "ID",
      description = "Episode id (default: a new ep_YYYYMMDD_HHMMSS_xxxxxxxx).")
  String episodeId;

  @Option(
      names = "--budget",
      paramLabel = "USD",
      converter = Converters.BudgetConverter.class,
      description = "Cost budget in USD.")
  Budget budget;

  @Option(
      names = "--quality-threshold",
      paramLabel = "Q",
      converter = Converters.QualityConverter.class,
      description = "Lowest acceptable quality score, 0 to 10.")
  QualityThreshold qualityThreshold;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      description = "Deadline for each attempt (a retry gets a fresh one): 250ms, 2s, 30m, 1h.")
  Duration timeout;

  @Option(
      names = "--grace",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      description =
          "Wait between SIGTERM and SIGKILL when ending the run's processes (default 10s).")
  Duration grace;

  @Option(
      names = "--monitor-interval",
      paramLabel = "DURATION",
      converter = Converters.IntervalConverter.class,
      description =
          "How often the tree's memory, files and cost are sampled (default 1s, at least 100ms).")
  MonitorInterval monitorInterval;

  @Option(
      names = "--memory-limit",
      paramLabel = "SIZE",
      converter = Converters.SizeConverter.class,
      description =
          "End the run when its whole process tree uses more resident memory: 512MB, 2GB.")
  ByteSize memoryLimit;

  @Option(
      names = "--stall-timeout",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      description = "End the run after this long without output, events or file changes.")
  Duration stallTimeout;

  @Option(
      names = "--max-attempts",
      paramLabel = "N",
      converter = Converters.AttemptsConverter.class,
      description = "Attempts in all (1 = no retry); only retryable error types are tried again.")
  Integer maxAttempts;

  @Option(
      names = "--retry-delay",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      description = "Wait before the first retry; later waits grow by the profile's backoff.")
  Duration retryDelay;

  @Mixin ConfigMixin config;

  @Mixin FormatMixin format;

  @Option(
      names = "--detach",
      description =
          "Start the run in the background and return at once with its run id; follow it with status.")
  boolean detach;

  @Option(
      names = "--run-id",
      hidden = true,
      description = "The run id of a detached run's supervisor (internal).")
  String runId;

  /**
   * Shown in --help only: {@link ArgumentString} replaces {@code --args STRING} by its words before
   * parsing.
   */
  @Option(
      names = "--args",
      paramLabel = "STRING",
      description =
          "The topic and options as one string, split the way a shell would: --args '\"Why do we dream?\""
              + " --budget 3' (for slash commands, which hand over $ARGUMENTS whole).")
  String argumentString;

  @Option(
      names = "--dry-run",
      description = "Print the resolved profile and the exact argv; launch nothing.")
  boolean dryRun;

  ProfileSettings settings() {
    return ProfileSettings.builder()
        .timeout(timeout)
        .grace(grace)
        .budget(budget)
        .qualityThreshold(qualityThreshold)
        .retry(RetrySettings.commandLine(maxAttempts, retryDelay))
        .monitorInterval(monitorInterval)
        .memoryLimit(memoryLimit)
        .stallTimeout(stallTimeout)
        .build();
  }
}
