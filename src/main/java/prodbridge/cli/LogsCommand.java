package prodbridge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import prodbridge.monitor.FileTail;
import prodbridge.runs.RunDir;
import prodbridge.runs.RunStore;

@Command(
    mixinStandardHelpOptions = true,
    name = "logs",
    description =
        "The last lines of a run's stdout (or stderr): as they are (text, the default), one JSON object a"
            + " line ({\"stream\":..., \"line\":...}), or a Markdown code block.")
final class LogsCommand implements Callable<Integer> {
  static final int MAX_READ = 1 << 20;

  @Parameters(paramLabel = "RUN_ID", description = "The run.")
  String runId;

  @Option(names = "--tail", paramLabel = "N", description = "How many lines (default 50).")
  int tail = 50;

  @Option(names = "--stderr", description = "Show stderr instead of stdout.")
  boolean stderr;

  @Mixin ConfigMixin config;

  /** Not the shared {@link FormatMixin}: a log is shown as it is unless asked, piped or not. */
  @Option(
      names = FormatMixin.NAME,
      paramLabel = "FORMAT",
      description =
          "text (the default: the lines as they are), json (one object a line) or markdown.")
  OutputFormat format;

  private final Context context;

  LogsCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    if (tail < 1) {
      throw new prodbridge.config.UsageException(
          "--tail: expected a number of lines of at least 1");
    }
    RunStore store = config.store(context);
    RunDir files = new RunDir(store.dirOf(runId));
    Path log = stderr ? files.stderrLog() : files.stdoutLog();
    String text = lastBytes(log);
    String[] lines = text.split("\n", -1);
    int end = text.endsWith("\n") ? lines.length - 1 : lines.length;
    OutputFormat f = format == null ? OutputFormat.TEXT : format;
    String stream = stderr ? "stderr" : "stdout";
    if (f == OutputFormat.MARKDOWN) {
      context.out().println("```");
    }
    for (int i = Math.max(0, end - tail); i < end; i++) {
      context
          .out()
          .println(
              f == OutputFormat.JSON
                  ? prodbridge.runs.ResultJson.write(
                      java.util.Map.of("stream", stream, "line", lines[i]))
                  : f == OutputFormat.MARKDOWN ? lines[i].replace("```", "` ` `") : lines[i]);
    }
    if (f == OutputFormat.MARKDOWN) {
      context.out().println("```");
    }
    return ExitCode.OK.code();
  }

  /** The last megabyte of the log at most (logs can be gigabytes), as text. */
  private static String lastBytes(Path log) throws IOException {
    if (!log.toFile().isFile()) {
      return "";
    }
    return FileTail.read(log, MAX_READ);
  }
}
