package prodbridge.mcp;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import prodbridge.report.StateView;
import prodbridge.runs.RunSession;
import prodbridge.runs.RunStore;
import prodbridge.runs.RunView;

/** The tools that read runs back (status, result, runs) and the one that stops a run (cancel). */
final class RunTools {
  /**
   * A status wait stays well under the time a client waits for one call (Claude Code: about 2
   * minutes).
   */
  static final int MAX_WAIT_SECONDS = 90;

  static final long POLL_MILLIS = 250;
  static final long PROGRESS_EVERY_MILLIS = 2000;
  static final Duration CANCEL_PATIENCE = Duration.ofSeconds(30);

  private final RunStore store;

  RunTools(RunStore store) {
    this.store = store;
  }

  static Map<String, Object> runIdSchema(boolean required) {
    return BridgeMcpServer.object(
        Map.of(
            "run_id",
            BridgeMcpServer.property(
                "string",
                "The run id a prod_* tool"
                    + " returned"
                    + (required ? "." : " (default: the most recent run)."))),
        required ? List.of("run_id") : List.of());
  }

  static Map<String, Object> statusSchema() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("run_id", BridgeMcpServer.property("string", "The run (default: the most recent)."));
    p.put(
        "wait_seconds",
        BridgeMcpServer.property(
            "integer",
            "Wait up to this long (0 to "
                + MAX_WAIT_SECONDS
                + ") for the run to end, with progress notifications."));
    return BridgeMcpServer.object(p, List.of());
  }

  static Map<String, Object> runsSchema() {
    return BridgeMcpServer.object(
        Map.of("limit", BridgeMcpServer.property("integer", "How many (default 10).")), List.of());
  }

  CallToolResult status(Map<String, Object> args, Progress progress) {
    Path dir = dir(args, false);
    if (dir == null) {
      return ToolReply.json(Map.of("status", "none", "message", "no runs yet in " + store.root()));
    }
    int wait = integer(args, "wait_seconds", 0);
    if (wait < 0 || wait > MAX_WAIT_SECONDS) {
      return ToolReply.error(
          "USAGE_ERROR",
          "status: wait_seconds must be 0 to " + MAX_WAIT_SECONDS + ", not " + wait,
          "call status again while the run is running");
    }
    RunView view = store.look(dir);
    long deadline = System.nanoTime() + wait * 1_000_000_000L;
    long nextTell = 0;
    while (!view.ended() && System.nanoTime() < deadline) {
      if (view.state() != null && System.nanoTime() >= nextTell) {
        progress.tell(view.runId() + ": " + StateView.line(view.state()));
        nextTell = System.nanoTime() + PROGRESS_EVERY_MILLIS * 1_000_000;
      }
      pause();
      view = store.look(dir);
    }
    return view(view, dir);
  }

  CallToolResult result(Map<String, Object> args) {
    Path dir = dir(args, true);
    RunView view = store.look(dir);
    if (!view.ended()) {
      return ToolReply.error(
          "NOT_ENDED",
          "run " + view.runId() + " has not ended yet",
          "call status with wait_seconds until it has ended");
    }
    return view(view, dir);
  }

  CallToolResult cancel(Map<String, Object> args) {
    Path dir = dir(args, true);
    return view(store.cancel(dir, CANCEL_PATIENCE), dir);
  }

  CallToolResult list(Map<String, Object> args) {
    int limit = integer(args, "limit", 10);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Path dir : store.recent(Math.max(1, Math.min(limit, 100)))) {
      RunView v = store.look(dir);
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("run_id", v.runId());
      r.put(
          "command",
          v.ended() ? v.result().command() : v.state() == null ? null : v.state().command());
      r.put("topic", v.ended() ? v.result().topic() : v.state() == null ? null : v.state().topic());
      r.put(
          "status",
          v.ended()
              ? v.result().status().json()
              : v.state() == null ? "unknown" : v.state().status());
      r.put(
          "cost", v.ended() ? v.result().finalCost() : v.state() == null ? null : v.state().cost());
      rows.add(r);
    }
    return ToolReply.json(rows);
  }

  private CallToolResult view(RunView view, Path dir) {
    if (view.ended()) {
      RunSession.markSeen(dir);
      return ToolReply.json(view.result());
    }
    return ToolReply.json(view.state());
  }

  private Path dir(Map<String, Object> args, boolean required) {
    Object id = args.get("run_id");
    if (id == null || String.valueOf(id).isBlank()) {
      if (required) {
        throw new prodbridge.config.UsageException("run_id is required");
      }
      return store.latest().orElse(null);
    }
    return store.dirOf(String.valueOf(id));
  }

  private static int integer(Map<String, Object> args, String name, int otherwise) {
    Object v = args.get(name);
    if (v == null) {
      return otherwise;
    }
    try {
      return v instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(v).strip());
    } catch (NumberFormatException e) {
      throw new prodbridge.config.UsageException(name + ": not a whole number: " + v);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
