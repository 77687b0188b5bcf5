package prodbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the outside world, injected so tests drive the CLI in-process. {@code
 * stdoutIsTerminal} picks the default format; {@code stderrIsTerminal} allows the live progress
 * line; {@code signals} is null in tests that install no handlers.
 */
record Context(
    PrintWriter out,
    PrintWriter err,
    Map<String, String> env,
    Path workingDir,
    boolean stdoutIsTerminal,
    boolean stderrIsTerminal,
    CancelSignals signals) {}
