package prodbridge.cli;

import picocli.CommandLine.Option;
import prodbridge.config.UsageException;

/**
 * The --format option of a command that has no Markdown view (classify): json or text, defaulting
 * as usual.
 */
final class JsonOrTextMixin {
  @Option(
      names = FormatMixin.NAME,
      paramLabel = "FORMAT",
      description = "json or text (" + FormatMixin.DEFAULT + ").")
  OutputFormat chosen;

  /** The format asked for, else the default; Markdown is a usage error naming {@code command}. */
  OutputFormat in(Context context, String command) {
    if (chosen == OutputFormat.MARKDOWN) {
      throw new UsageException(command + ": " + FormatMixin.NAME + ": json or text");
    }
    return FormatMixin.orDefault(chosen, context.stdoutIsTerminal());
  }
}
