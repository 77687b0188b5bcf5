package prodbridge.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import prodbridge.batch.BatchDir;
import prodbridge.config.UsageException;

/**
 * {@code report}: the page of a run or a batch. Drawing lives in {@link ReportRun}, loaded only
 * when this runs.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "report",
    description =
        "A report people look at: one self-contained HTML page (charts inline, nothing fetched when it"
            + " opens) and a PNG of its main chart, for a run (by id or directory) or a batch (by directory).")
final class ReportCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "RUN_ID|BATCH_DIR",
      description = "A run id, a run directory, or a batch directory.")
  String target;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Where the HTML goes (default: report.html in the run or batch directory); the PNG goes beside"
              + " it, FILE with .png for .html.")
  Path out;

  @Mixin StoreOptions options;

  private final Context context;

  ReportCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    Path html = out == null ? null : checkedOut(context.workingDir().resolve(out));
    Path dir = asDirectory(target);
    String printed;
    if (dir != null && new BatchDir(dir).holdsBatch()) {
      printed = ReportRun.batch(dir, html, options.format.in(context));
    } else if (dir != null && ReportRun.isRunDir(dir)) {
      printed = ReportRun.run(dir, html, options.format.in(context));
    } else if (dir != null || target.contains("/")) {
      throw new UsageException(
          target
              + ": not a run directory or a batch directory (no batch.json, state.json or"
              + " result.json there)");
    } else {
      printed =
          ReportRun.run(options.store(context).dirOf(target), html, options.format.in(context));
    }
    context.out().println(printed);
    return ExitCode.OK.code();
  }

  private Path asDirectory(String text) {
    try {
      Path p = context.workingDir().resolve(text);
      return Files.isDirectory(p) ? p.toAbsolutePath().normalize() : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static Path checkedOut(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    if (Files.isDirectory(abs)) {
      throw new UsageException("--out " + abs + ": is a directory; name the HTML file to write");
    }
    if (abs.getParent() == null || !Files.isDirectory(abs.getParent())) {
      throw new UsageException("--out " + abs + ": no such directory " + abs.getParent());
    }
    return abs;
  }
}
