package prodbridge.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import prodbridge.classify.Classification;
import prodbridge.classify.Classifier;
import prodbridge.classify.Evidence;
import prodbridge.config.ProfileSettings;
import prodbridge.config.UsageException;
import prodbridge.report.ClassificationView;

/**
 * Classifies a saved failure exactly as a run would (the same rules, the same tails of its output),
 * so a user can try their own rules on their own logs before a run. A SIGKILL is inferred from an
 * exit above 128, as the JDK reports one. No file system is measured: a disk-full hint names the
 * path the failure names.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "classify",
    description =
        "Classify a saved failure: print its class, the deciding line, the rule and the hint.")
final class ClassifyCommand implements Callable<Integer> {
  /** The tails a run keeps of its child's output (see the supervisor), so the same text decides. */
  static final int STDERR_TAIL_BYTES = 16 * 1024;

  static final int STDOUT_TAIL_BYTES = 256 * 1024;

  @Option(
      names = "--stderr",
      paramLabel = "FILE",
      description = "The child's stderr (a run's stderr.log).")
  Path stderr;

  @Option(
      names = "--stdout",
      paramLabel = "FILE",
      description = "The child's stdout (a run's stdout.log).")
  Path stdout;

  @Option(
      names = "--exit",
      paramLabel = "N",
      description = "The child's exit code, 0 to 255 (129 to 192: a signal).")
  Integer exit;

  @Mixin ConfigMixin config;

  @Mixin JsonOrTextMixin format;

  private final Context context;

  ClassifyCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (stderr == null && stdout == null && exit == null) {
      throw new UsageException(
          "classify: nothing to classify; give --stderr FILE, --stdout FILE or --exit N");
    }
    if (exit != null && (exit < 0 || exit > 255)) {
      throw new UsageException("classify: --exit: " + exit + " is not an exit code (0 to 255)");
    }
    OutputFormat f = format.in(context, "classify");
    String err = tail("--stderr", stderr, STDERR_TAIL_BYTES);
    String out = tail("--stdout", stdout, STDOUT_TAIL_BYTES);
    var rules = config.load(context, ProfileSettings.NONE).errorRules();
    Optional<Classification> c =
        new Classifier(rules, path -> Optional.empty()).classify(Evidence.ofExit(exit, err, out));
    context
        .out()
        .println(f == OutputFormat.JSON ? ClassificationView.json(c) : ClassificationView.text(c));
    return ExitCode.OK.code();
  }

  /**
   * The last {@code max} bytes of {@code file} as UTF-8 (bad bytes replaced); "" when no file was
   * given.
   */
  private String tail(String flag, Path file, int max) {
    if (file == null) {
      return "";
    }
    Path p = context.workingDir().resolve(file);
    if (!Files.isRegularFile(p)) {
      throw new UsageException("classify: " + flag + ": " + p + ": no such file");
    }
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "r")) {
      long from = Math.max(0, f.length() - max);
      byte[] bytes = new byte[(int) (f.length() - from)];
      f.seek(from);
      f.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("classify: " + flag + ": " + p + ": cannot read: " + e.getMessage());
    }
  }
}
