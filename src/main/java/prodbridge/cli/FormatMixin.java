package prodbridge.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The --format option of the commands that print in any {@link OutputFormat}, and the one place
 * that picks the default: JSON when a program reads stdout, text when a person does.
 */
final class FormatMixin {
  static final String NAME = "--format";
  static final String DEFAULT = "default: json when stdout is not a terminal, else text";

  @Option(
      names = NAME,
      paramLabel = "FORMAT",
      description = "json, markdown or text (" + DEFAULT + ").")
  OutputFormat chosen;

  /** The format asked for, else the default for this stdout. */
  OutputFormat in(Context context) {
    return orDefault(chosen, context.stdoutIsTerminal());
  }

  static OutputFormat orDefault(OutputFormat chosen, boolean stdoutIsTerminal) {
    if (chosen != null) {
      return chosen;
    }
    return stdoutIsTerminal ? OutputFormat.TEXT : OutputFormat.JSON;
  }

  /**
   * The format for an error found before or during parsing, read from the raw {@code args}: the
   * --format value when it names a format, else the default.
   */
  static OutputFormat peek(List<String> args, boolean stdoutIsTerminal) {
    int i = args.indexOf(NAME);
    String value =
        i >= 0 && i + 1 < args.size()
            ? args.get(i + 1)
            : args.stream()
                .filter(s -> s.startsWith(NAME + "="))
                .map(s -> s.substring(NAME.length() + 1))
                .findFirst()
                .orElse(null);
    return orDefault(named(value).orElse(null), stdoutIsTerminal);
  }

  private static Optional<OutputFormat> named(String value) {
    return Arrays.stream(OutputFormat.values())
        .filter(f -> f.name().equalsIgnoreCase(value))
        .findFirst();
  }
}
