package prodbridge.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;
import prodbridge.runs.RunStore;

/**
 * {@code prod-bridge mcp}: a stdio MCP server (the official Java SDK) with one tool per prod-*
 * command, each starting a detached run and returning its id at once, and status (a bounded wait
 * with progress notifications), result, cancel and runs. Only protocol goes to {@code out}; logs go
 * to stderr. Runs outlive the server.
 */
public final class BridgeMcpServer {
  static final String VERSION = "1";

  private BridgeMcpServer() {}

  /** Serves on {@code in}/{@code out} until the client closes {@code in}. */
  public static void serve(
      RunStore store, List<String> bridge, Path workingDir, InputStream in, OutputStream out)
      throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    InputStream watched =
        new FilterInputStream(in) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) {
              closed.countDown();
            }
            return n;
          }
        };
    JacksonMcpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
    RunTools runs = new RunTools(store);
    StartTools starts = new StartTools(new RunStarter(bridge, workingDir));
    List<SyncToolSpecification> tools = new ArrayList<>();
    for (StartTools.Command c : StartTools.Command.values()) {
      tools.add(
          tool(
              c.tool(),
              c.description(),
              StartTools.schema(c),
              spends(),
              (x, r) -> starts.start(c, args(r))));
    }
    tools.add(
        tool(
            "status",
            "A run's live state, or its result once it has ended. With wait_seconds (at most "
                + RunTools.MAX_WAIT_SECONDS
                + "), waits up to that long for the end, sending progress notifications; call it"
                + " again while the run is still running. Reads only.",
            RunTools.statusSchema(),
            reads(),
            (x, r) -> runs.status(args(r), new Progress(x, r))));
    tools.add(
        tool(
            "result",
            "The final result of a run that has ended: cost, quality, files, or the error type and"
                + " hint. Reads only.",
            RunTools.runIdSchema(true),
            reads(),
            (x, r) -> runs.result(args(r))));
    tools.add(
        tool(
            "cancel",
            "Stop a run: its whole process tree is ended and it ends as cancelled.",
            RunTools.runIdSchema(true),
            ends(),
            (x, r) -> runs.cancel(args(r))));
    tools.add(
        tool(
            "runs",
            "The most recent runs (newest first) with their state. Reads only.",
            RunTools.runsSchema(),
            reads(),
            (x, r) -> runs.list(args(r))));
    McpSyncServer server =
        McpServer.sync(new StdioServerTransportProvider(json, watched, out))
            .serverInfo("prod-bridge", VERSION)
            .capabilities(ServerCapabilities.builder().tools(false).build())
            .instructions(
                "Podcast production runs supervised by prod-bridge. The prod_* tools spend money: start one"
                    + " only when the user asks. They return a run_id at once; then call status with wait_seconds until the"
                    + " run has ended, and result for its cost, quality and files.")
            .tools(tools)
            .validateToolInputs(
                false) // the bridge checks arguments itself, with its own error type and hint
            .build();
    closed.await();
    server.closeGracefully();
  }

  private static Map<String, Object> args(CallToolRequest r) {
    return r.arguments() == null ? Map.of() : r.arguments();
  }

  private static SyncToolSpecification tool(
      String name,
      String description,
      Map<String, Object> schema,
      ToolAnnotations annotations,
      BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler) {
    Tool tool =
        Tool.builder(name, schema).description(description).annotations(annotations).build();
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler(
            (x, r) -> {
              try {
                return handler.apply(x, r);
              } catch (prodbridge.config.UsageException e) {
                return ToolReply.error(
                    "USAGE_ERROR",
                    e.getMessage(),
                    "check the arguments; the runs tool lists run ids");
              } catch (RuntimeException e) {
                return ToolReply.error(
                    "INTERNAL_ERROR", String.valueOf(e), "see the MCP server's stderr log");
              }
            })
        .build();
  }

  /**
   * Starts work that costs money: not read-only, not idempotent (a second call is a second run).
   */
  private static ToolAnnotations spends() {
    return new ToolAnnotations("Start a paid production run", false, false, false, true, null);
  }

  private static ToolAnnotations reads() {
    return new ToolAnnotations(null, true, false, true, false, null);
  }

  private static ToolAnnotations ends() {
    return new ToolAnnotations("Cancel a run", false, true, true, false, null);
  }

  /** JSON schema helpers shared by the tool classes. */
  static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "object");
    s.put("properties", properties);
    s.put("required", required);
    s.put("additionalProperties", false);
    return s;
  }

  static Map<String, Object> property(String type, String description) {
    return Map.of("type", type, "description", description);
  }
}
