package prodbridge.cli;

import picocli.CommandLine.Mixin;
import prodbridge.runs.RunStore;

/**
 * The options of the commands that read runs back: where the runs are (by config) and the output
 * format.
 */
final class StoreOptions {
  @Mixin ConfigMixin config;

  @Mixin FormatMixin format;

  RunStore store(Context context) {
    return config.store(context);
  }
}
