package prodbridge.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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

  @Mixin StoreOptions options;

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
    RunStore store = options.store(context);
    RunDir files = new RunDir(store.dirOf(runId));
    Path log = stderr ? files.stderrLog() : files.stdoutLog();
    String text = lastBytes(log);
    String[] lines = text.split("\n", -1);
    int end = text.endsWith("\n") ? lines.length - 1 : lines.length;
    OutputFormat f = options.format.chosen == null ? OutputFormat.TEXT : options.format.chosen;
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
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long start = Math.max(0, f.length() - MAX_READ);
      byte[] b = new byte[(int) (f.length() - start)];
      f.seek(start);
      f.readFully(b);
      return new String(b, StandardCharsets.UTF_8);
    }
  }
}
