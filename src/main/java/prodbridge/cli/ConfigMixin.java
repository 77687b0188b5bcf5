package prodbridge.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import prodbridge.config.ConfigLoader;
import prodbridge.config.EffectiveConfig;
import prodbridge.config.ProfileSettings;
import prodbridge.runs.RunStore;

/**
 * The --config option of every command that reads the config, and the one place that loads it for
 * them.
 */
final class ConfigMixin {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Config file (default: $PROD_BRIDGE_CONFIG, else ./prod-bridge.json if present).")
  Path file;

  /**
   * The built-in config, then the file, then {@code flags} (the command's own settings, or NONE).
   */
  EffectiveConfig load(Context context, ProfileSettings flags) {
    return new ConfigLoader(context.env(), context.workingDir()).load(file, flags);
  }

  /** The run store this config names. */
  RunStore store(Context context) {
    return new RunStore(load(context, ProfileSettings.NONE).runsRoot());
  }
}
