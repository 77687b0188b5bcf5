package prodbridge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import prodbridge.runs.Relaunch;

@Command(
    mixinStandardHelpOptions = true,
    name = "mcp",
    description =
        "Serve the runs as MCP tools on stdin/stdout (prod_episode, prod_research, prod_script, prod_audio,"
            + " status, result, cancel, runs), for Claude Code's plugin .mcp.json or any MCP client. Logs go to stderr.")
final class McpCommand implements Callable<Integer> {
  @Mixin StoreOptions options;

  private final Context context;

  McpCommand(Context context) {
    this.context = context;
  }

  /** The SDK's classes load only here: no other command pays for them. */
  @Override
  public Integer call() throws Exception {
    context
        .err()
        .println("prod-bridge: MCP server on stdio, runs in " + options.store(context).root());
    prodbridge.mcp.BridgeMcpServer.serve(
        options.store(context), Relaunch.command(), context.workingDir(), System.in, System.out);
    return ExitCode.OK.code();
  }
}
