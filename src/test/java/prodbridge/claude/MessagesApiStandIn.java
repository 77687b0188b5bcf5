package prodbridge.claude;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted stand-in for the Messages API on 127.0.0.1, for the real Claude Code CLI: it answers
 * (streamed SSE events) with the tool calls that the slash command's own text asks for, as a model
 * following it would: start the run with the first code line (the user's arguments single-quoted),
 * wait with the second (in the background when the text asks for it and the Bash tool offers it,
 * then read the output file the completion notice names; else in the foreground while it says
 * running), and end with the final output as its answer. Every request body is kept for the test.
 */
final class MessagesApiStandIn implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CODE = Pattern.compile("```\\n\\s*(.+?)\\n\\s*```", Pattern.DOTALL);
  private static final Pattern ARGS =
      Pattern.compile("<command-args>(.*?)</command-args>", Pattern.DOTALL);
  private static final Pattern FOREGROUND =
      Pattern.compile("`(prod-bridge status RUN_ID --wait 9m[^`]*)`");

  private final HttpServer server;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final boolean stopAfterStart;

  /** {@code stopAfterStart}: answer after the start as if the user left before the run ended. */
  MessagesApiStandIn(boolean stopAfterStart) throws IOException {
    this.stopAfterStart = stopAfterStart;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<JsonNode> requests() {
    return requests;
  }

  /**
   * Every Bash tool call the stand-in made, in order (the last request holds the whole
   * conversation).
   */
  List<JsonNode> bashCalls() {
    List<JsonNode> calls = new ArrayList<>();
    for (JsonNode r : requests) {
      List<JsonNode> these = new ArrayList<>();
      for (JsonNode m : r.path("messages")) {
        for (JsonNode b : m.path("content")) {
          if ("tool_use".equals(b.path("type").asText())
              && "Bash".equals(b.path("name").asText())) {
            these.add(b.path("input"));
          }
        }
      }
      if (these.size() > calls.size()) {
        calls = these;
      }
    }
    return calls;
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      byte[] body = x.getRequestBody().readAllBytes();
      if (!"POST".equals(x.getRequestMethod())) {
        send(x, "application/json", "{}");
        return;
      }
      JsonNode req = JSON.readTree(body);
      requests.add(req);
      if (x.getRequestURI().getPath().endsWith("count_tokens")) {
        send(x, "application/json", "{\"input_tokens\":10}");
        return;
      }
      JsonNode answer = answer(req);
      if (!req.path("stream").asBoolean(false)) {
        ObjectNode msg = message(req);
        msg.set("content", JSON.createArrayNode().add(answer.has("input") ? answer : text("ok")));
        msg.put("stop_reason", answer.has("input") ? "tool_use" : "end_turn");
        send(x, "application/json", JSON.writeValueAsString(msg));
        return;
      }
      x.getResponseHeaders().add("content-type", "text/event-stream");
      x.sendResponseHeaders(200, 0);
      OutputStream out = x.getResponseBody();
      ObjectNode start = message(req);
      event(
          out,
          "message_start",
          JSON.createObjectNode().put("type", "message_start").set("message", start));
      if (answer.has("input")) {
        ObjectNode block = answer.deepCopy();
        block.set("input", JSON.createObjectNode());
        event(
            out,
            "content_block_start",
            JSON.createObjectNode()
                .put("type", "content_block_start")
                .put("index", 0)
                .set("content_block", block));
        event(
            out,
            "content_block_delta",
            JSON.createObjectNode()
                .put("type", "content_block_delta")
                .put("index", 0)
                .set(
                    "delta",
                    JSON.createObjectNode()
                        .put("type", "input_json_delta")
                        .put("partial_json", JSON.writeValueAsString(answer.get("input")))));
      } else {
        event(
            out,
            "content_block_start",
            JSON.createObjectNode()
                .put("type", "content_block_start")
                .put("index", 0)
                .set("content_block", text("")));
        event(
            out,
            "content_block_delta",
            JSON.createObjectNode()
                .put("type", "content_block_delta")
                .put("index", 0)
                .set(
                    "delta",
                    JSON.createObjectNode()
                        .put("type", "text_delta")
                        .put("text", answer.get("text").asText())));
      }
      event(
          out,
          "content_block_stop",
          JSON.createObjectNode().put("type", "content_block_stop").put("index", 0));
      ObjectNode delta = JSON.createObjectNode().put("type", "message_delta");
      delta.set(
          "delta",
          JSON.createObjectNode()
              .put("stop_reason", answer.has("input") ? "tool_use" : "end_turn")
              .putNull("stop_sequence"));
      delta.set("usage", JSON.createObjectNode().put("output_tokens", 1));
      event(out, "message_delta", delta);
      event(out, "message_stop", JSON.createObjectNode().put("type", "message_stop"));
    }
  }

  /**
   * The next step of the command's instructions, given the conversation so far: a tool_use block or
   * a text.
   */
  private JsonNode answer(JsonNode req) {
    String skill = null;
    String args = null;
    JsonNode lastCall = null;
    String lastResult = null;
    String runId = null;
    boolean notified = false;
    String outputFile = null;
    for (JsonNode m : req.path("messages")) {
      // content is a list of blocks, or (for some messages the CLI adds itself) one plain string
      JsonNode content =
          m.path("content").isTextual()
              ? JSON.createArrayNode().add(text(m.path("content").asText()))
              : m.path("content");
      for (JsonNode b : content) {
        String type = b.path("type").asText();
        if ("text".equals(type) && !"assistant".equals(m.path("role").asText())) {
          String t = b.path("text").asText();
          Matcher a = ARGS.matcher(t);
          if (a.find()) {
            args = a.group(1);
          }
          if (t.contains("Base directory for this skill")) {
            skill = t;
          }
          Matcher file = Pattern.compile("<output-file>(.*?)</output-file>").matcher(t);
          if (file.find()) {
            notified = true;
            outputFile = file.group(1);
          }
        } else if ("tool_use".equals(type)) {
          lastCall = b.path("input");
          lastResult = null;
          notified = false;
        } else if ("tool_result".equals(type)) {
          lastResult = content(b);
          if (lastCall != null && lastCall.path("command").asText().contains("--detach")) {
            Matcher id = Pattern.compile("\"run_id\":\"([^\"]+)\"").matcher(lastResult);
            runId = id.find() ? id.group(1) : null;
          }
        }
      }
    }
    if (skill == null || !hasBash(req)) {
      return text("ok");
    }
    List<String> code = new ArrayList<>();
    Matcher c = CODE.matcher(skill);
    while (c.find()) {
      code.add(c.group(1).strip());
    }
    if (lastCall == null) {
      return bash(
          code.get(0).replace("'<the arguments above>'", quoted(args == null ? "" : args)), false);
    }
    String last = lastCall.path("command").asText(lastCall.path("file_path").asText());
    if (notified) {
      return read(outputFile);
    }
    if (lastResult == null) {
      return text("ok");
    }
    if (last.contains("--detach")) {
      if (runId == null || stopAfterStart) {
        return text(lastResult);
      }
      boolean background = skill.contains("`run_in_background: true`") && offersBackground(req);
      if (background) {
        return bash(code.get(1).replace("RUN_ID", runId), true);
      }
      Matcher fg = FOREGROUND.matcher(skill);
      return bash((fg.find() ? fg.group(1) : code.get(1)).replace("RUN_ID", runId), false);
    }
    if (last.contains(" status ") && lastCall.path("run_in_background").asBoolean(false)) {
      return text("Run " + runId + " is going; I will report when it ends.");
    }
    if (last.contains(" status ") && lastResult.contains("** running")) {
      return bash(last, false);
    }
    return text(lastResult);
  }

  private static String quoted(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static boolean hasBash(JsonNode req) {
    for (JsonNode t : req.path("tools")) {
      if ("Bash".equals(t.path("name").asText())) {
        return true;
      }
    }
    return false;
  }

  private static boolean offersBackground(JsonNode req) {
    for (JsonNode t : req.path("tools")) {
      if ("Bash".equals(t.path("name").asText())) {
        return t.path("input_schema").path("properties").has("run_in_background");
      }
    }
    return false;
  }

  private static String content(JsonNode toolResult) {
    JsonNode c = toolResult.path("content");
    if (c.isTextual()) {
      return c.asText();
    }
    StringBuilder sb = new StringBuilder();
    c.forEach(p -> sb.append(p.path("text").asText()));
    return sb.toString();
  }

  private JsonNode bash(String command, boolean background) {
    ObjectNode input =
        JSON.createObjectNode().put("command", command).put("description", "prod-bridge");
    if (background) {
      input.put("run_in_background", true);
    } else {
      input.put("timeout", 600000);
    }
    ObjectNode b =
        JSON.createObjectNode()
            .put("type", "tool_use")
            .put("id", "toolu_" + ids.incrementAndGet())
            .put("name", "Bash");
    b.set("input", input);
    return b;
  }

  private JsonNode read(String file) {
    ObjectNode b =
        JSON.createObjectNode()
            .put("type", "tool_use")
            .put("id", "toolu_" + ids.incrementAndGet())
            .put("name", "Read");
    b.set("input", JSON.createObjectNode().put("file_path", file));
    return b;
  }

  private static ObjectNode text(String t) {
    return JSON.createObjectNode().put("type", "text").put("text", t);
  }

  private ObjectNode message(JsonNode req) {
    ObjectNode m =
        JSON.createObjectNode()
            .put("id", "msg_" + ids.incrementAndGet())
            .put("type", "message")
            .put("role", "assistant")
            .put("model", req.path("model").asText("claude"));
    m.set("content", JSON.createArrayNode());
    m.putNull("stop_reason");
    m.putNull("stop_sequence");
    m.set("usage", JSON.createObjectNode().put("input_tokens", 1).put("output_tokens", 1));
    return m;
  }

  private static void event(OutputStream out, String name, JsonNode data) throws IOException {
    out.write(
        ("event: " + name + "\ndata: " + JSON.writeValueAsString(data) + "\n\n")
            .getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void send(HttpExchange x, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("content-type", type);
    x.sendResponseHeaders(200, b.length);
    x.getResponseBody().write(b);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
