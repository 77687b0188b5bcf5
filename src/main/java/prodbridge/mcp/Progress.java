package prodbridge.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;

/**
 * Progress notifications for one tool call, sent only when the client asked for them (a {@code
 * progressToken} in the request's {@code _meta}); {@code progress} grows by one per notification,
 * as the protocol wants it monotonic.
 */
final class Progress {
  private final McpSyncServerExchange exchange;
  private final Object token;
  private double sent;

  Progress(McpSyncServerExchange exchange, CallToolRequest request) {
    this.exchange = exchange;
    this.token = request.meta() == null ? null : request.meta().get("progressToken");
  }

  /** No notifications (tests of the tool logic, clients that sent no token). */
  static Progress none() {
    return new Progress(null, new CallToolRequest("none", java.util.Map.of(), null));
  }

  void tell(String message) {
    if (token != null && exchange != null) {
      sent += 1;
      exchange.progressNotification(new ProgressNotification(token, sent, null, message, null));
    }
  }
}
