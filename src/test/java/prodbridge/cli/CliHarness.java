package prodbridge.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import prodbridge.testing.CliRun;

/**
 * Runs the CLI in-process with captured stdout and stderr, as if stdout were a pipe (JSON by
 * default).
 */
final class CliHarness {
  private final Path workingDir;
  private final Map<String, String> env = new HashMap<>(System.getenv());

  CliHarness(Path workingDir) {
    this.workingDir = workingDir;
    env.remove("PROD_BRIDGE_CONFIG");
    env.remove("PROD_BRIDGE_RUNS");
    env.remove("REFERENCE_PIPELINE_SIMULATE");
    env.remove("REFERENCE_PIPELINE_PACE");
  }

  CliHarness with(String name, String value) {
    env.put(name, value);
    return this;
  }

  CliRun run(String... args) {
    return run(false, args);
  }

  CliRun runOnTerminal(String... args) {
    return run(true, args);
  }

  /** Stdout a pipe, stderr a terminal: the live progress line is allowed. */
  CliRun runWithTerminalStderr(String... args) {
    return run(false, true, args);
  }

  private CliRun run(boolean terminal, String... args) {
    return run(terminal, false, args);
  }

  private CliRun run(boolean terminal, boolean stderrTerminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Context ctx =
        new Context(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Map.copyOf(env),
            workingDir,
            terminal,
            stderrTerminal,
            null);
    int code = new Main(ctx).run(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
