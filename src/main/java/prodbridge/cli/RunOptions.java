package prodbridge.cli;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;
import prodbridge.config.ProfileSettings;

/** The options every run command shares; translated into the core's settings in one place. */
final class RunOptions {
  @Option(names = "--episode-id", paramLabel = "ID", description = "Episode id (default: a new ep_YYYYMMDD_HHMMSS_xxxxxxxx).")
  String episodeId;

  @Option(names = "--budget", paramLabel = "USD", converter = Converters.BudgetConverter.class,
      description = "Cost budget in USD.")
  Double budget;

  @Option(names = "--quality-threshold", paramLabel = "Q", converter = Converters.QualityConverter.class,
      description = "Lowest acceptable quality score, 0 to 10.")
  Double qualityThreshold;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
      description = "Deadline for the whole run: 250ms, 2s, 30m, 1h.")
  Duration timeout;

  @Option(names = "--grace", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
      description = "Wait between SIGTERM and SIGKILL when ending the run's processes (default 10s).")
  Duration grace;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Config file (default: $PROD_BRIDGE_CONFIG, else ./prod-bridge.json if present).")
  Path config;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "json, markdown or text (default: json when stdout is not a terminal, else text).")
  OutputFormat format;

  @Option(names = "--dry-run", description = "Print the resolved profile and the exact argv; launch nothing.")
  boolean dryRun;

  ProfileSettings settings() {
    return new ProfileSettings(
        null, null, null, null, null, timeout, grace, budget, qualityThreshold, null, null, null);
  }
}
