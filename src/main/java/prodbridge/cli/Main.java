package prodbridge.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import prodbridge.config.UsageException;
import prodbridge.runs.StoreFailure;

/**
 * Entry point: the only place that exits, and with {@code cli} the only code that writes to stdout.
 */
public final class Main {
  private final Context context;

  Main(Context context) {
    this.context = context;
  }

  public static void main(String... args) {
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Context context =
        new Context(
            out,
            err,
            System.getenv(),
            Path.of("").toAbsolutePath(),
            isTerminal(1),
            isTerminal(2),
            new CancelSignals());
    int code = new Main(context).run(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  int run(String... args) {
    CommandLine cli = new CommandLine(new BridgeCommand(), factory());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOut(context.out());
    cli.setErr(context.err());
    cli.getSubcommands().get("run").setStopAtPositional(true);
    cli.setParameterExceptionHandler((e, a) -> usageError(e.getMessage(), e, args));
    cli.setExecutionExceptionHandler(
        (e, c, parsed) -> {
          if (e instanceof UsageException) {
            return usageError(e.getMessage(), null, args);
          }
          if (e instanceof StoreFailure f) {
            return storeError(f, args);
          }
          return internalError(e);
        });
    String[] expanded;
    try {
      expanded = ArgumentString.expand(args);
    } catch (UsageException e) {
      return usageError(e.getMessage(), null, args);
    }
    return cli.execute(expanded);
  }

  /**
   * A bug or an unforeseen failure: one line naming the exception; the stack trace only when asked
   * for with {@code PROD_BRIDGE_LOG=debug}, so a user never sees twenty lines of frames.
   */
  private int internalError(Exception e) {
    Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
    boolean debug = "debug".equalsIgnoreCase(context.env().get("PROD_BRIDGE_LOG"));
    context
        .err()
        .println(
            "prod-bridge: internal error: "
                + String.valueOf(cause).replace('\n', ' ')
                + (debug ? "" : " (PROD_BRIDGE_LOG=debug shows where; please report it)"));
    if (debug) {
      e.printStackTrace(context.err());
    }
    return ExitCode.INTERNAL.code();
  }

  private int usageError(String message, ParameterException e, String[] args) {
    String line = message;
    if (e instanceof UnmatchedArgumentException u && u.getCommandLine().getParent() == null) {
      line =
          "unknown command or argument "
              + u.getUnmatched()
              + "; commands: "
              + String.join(", ", u.getCommandLine().getSubcommands().keySet());
    }
    context.err().println("prod-bridge: " + line.replace('\n', ' ').strip());
    if (jsonRequested(args)) {
      context.out().println(Printer.usageError(line));
    }
    return ExitCode.USAGE.code();
  }

  /**
   * The run store cannot be used: one line on stderr (and an error object on stdout for JSON), no
   * trace.
   */
  private int storeError(StoreFailure f, String[] args) {
    context.err().println("prod-bridge: " + f.getMessage());
    if (jsonRequested(args)) {
      context.out().println(Printer.storeError(f));
    }
    return ExitCode.of(f).code();
  }

  /**
   * Whether an error found before or during parsing is also printed as JSON: --format as given,
   * else the default.
   */
  private boolean jsonRequested(String[] args) {
    return FormatMixin.peek(Arrays.asList(args), context.stdoutIsTerminal()) == OutputFormat.JSON;
  }

  private IFactory factory() {
    IFactory defaults = CommandLine.defaultFactory();
    return new IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        try {
          return type.getDeclaredConstructor(Context.class).newInstance(context);
        } catch (NoSuchMethodException noContext) {
          return defaults.create(type);
        }
      }
    };
  }

  /** True when file descriptor {@code fd} is a terminal; a file, pipe or socket is not. */
  static boolean isTerminal(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return System.console() != null;
    }
  }
}
