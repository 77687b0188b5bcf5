package prodbridge.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import prodbridge.config.ConfigLoader;
import prodbridge.config.ProfileSettings;
import prodbridge.runs.RunStore;

/** The options of the commands that read runs back: where the runs are (by config) and the output format. */
final class StoreOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "Config file (default: $PROD_BRIDGE_CONFIG, else ./prod-bridge.json if present).")
  Path config;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "json, markdown or text (default: json when stdout is not a terminal, else text).")
  OutputFormat format;

  RunStore store(Context context) {
    return new RunStore(new ConfigLoader(context.env(), context.workingDir()).load(config, ProfileSettings.NONE)
        .runsRoot());
  }
}
