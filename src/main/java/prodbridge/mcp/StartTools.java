package prodbridge.mcp;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import prodbridge.runs.ResultJson;

/**
 * The tools that start a prod-* run: arguments checked by the bridge itself, the run id returned at
 * once.
 */
final class StartTools {
  /** One tool per prod-* command; only audio needs no topic (it works from --episode-id). */
  enum Command {
    EPISODE(
        "prod-episode",
        "Produce a whole podcast episode (research, script, audio, quality check)",
        true),
    RESEARCH("prod-research", "Research a topic for an episode (sources and notes only)", true),
    SCRIPT(
        "prod-script",
        "Write an episode's script from its research (or research the topic first)",
        false),
    AUDIO(
        "prod-audio",
        "Synthesise an episode's audio from its script (never retried blindly)",
        false);

    final String word;
    final String what;
    final boolean topicRequired;

    Command(String word, String what, boolean topicRequired) {
      this.word = word;
      this.what = what;
      this.topicRequired = topicRequired;
    }

    String tool() {
      return word.replace('-', '_');
    }

    String description() {
      return what
          + ". SPENDS MONEY (up to the budget): start it only when the user asks. Starts the run detached"
          + " and returns its run_id at once; follow it with status (wait_seconds) and read it with result.";
    }
  }

  /** Tool argument → bridge flag. */
  private static final Map<String, String> FLAGS = new LinkedHashMap<>();

  static {
    FLAGS.put("episode_id", "--episode-id");
    FLAGS.put("budget", "--budget");
    FLAGS.put("quality_threshold", "--quality-threshold");
    FLAGS.put("timeout", "--timeout");
    FLAGS.put("max_attempts", "--max-attempts");
  }

  private final RunStarter starter;

  StartTools(RunStarter starter) {
    this.starter = starter;
  }

  static Map<String, Object> schema(Command c) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(
        "topic",
        BridgeMcpServer.property("string", "The episode's topic, exactly as the user gave it."));
    p.put(
        "episode_id",
        BridgeMcpServer.property("string", "An existing or chosen episode id (ep_...)."));
    p.put("budget", BridgeMcpServer.property("number", "Cost budget in USD."));
    p.put(
        "quality_threshold",
        BridgeMcpServer.property("number", "Lowest acceptable quality score, 0 to 10."));
    p.put("timeout", BridgeMcpServer.property("string", "Deadline for the whole run, e.g. 45m."));
    p.put("max_attempts", BridgeMcpServer.property("integer", "Attempts in all (1 = no retry)."));
    return BridgeMcpServer.object(p, c.topicRequired ? List.of("topic") : List.of());
  }

  CallToolResult start(Command c, Map<String, Object> args) {
    Set<String> unknown = new java.util.TreeSet<>(args.keySet());
    unknown.remove("topic");
    unknown.removeAll(FLAGS.keySet());
    if (!unknown.isEmpty()) {
      return ToolReply.error(
          "USAGE_ERROR",
          c.tool() + ": unknown argument " + String.join(", ", unknown),
          "known arguments: topic, " + String.join(", ", FLAGS.keySet()));
    }
    for (Map.Entry<String, Object> a : args.entrySet()) {
      if (a.getValue() == null) {
        return ToolReply.error(
            "USAGE_ERROR",
            c.tool() + ": " + a.getKey() + " has no value",
            "leave it out, or give a value");
      }
    }
    Object topic = args.get("topic");
    if (c.topicRequired && (topic == null || String.valueOf(topic).isBlank())) {
      return ToolReply.error(
          "USAGE_ERROR", c.tool() + ": topic is required", "give the topic as the user said it");
    }
    List<String> flags = new ArrayList<>();
    FLAGS.forEach(
        (arg, flag) -> {
          if (args.get(arg) != null) {
            flags.add(flag);
            flags.add(plain(args.get(arg)));
          }
        });
    try {
      RunStarter.Started s =
          starter.start(c.word, flags, topic == null ? null : String.valueOf(topic));
      if (s.exitCode() == 0) {
        return CallToolResult.builder().addTextContent(s.json()).isError(false).build();
      }
      String message = s.error().replaceFirst("^prod-bridge: ", "");
      return ToolReply.error(
          s.exitCode() == 2 ? "USAGE_ERROR" : "LAUNCH_ERROR",
          message,
          s.exitCode() == 2
              ? "fix the argument named in the message and start again"
              : "see the server's log");
    } catch (IOException e) {
      return ToolReply.error(
          "LAUNCH_ERROR", String.valueOf(e), "is the bridge installed and java on the PATH?");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ToolReply.error("CANCELLED", "interrupted while starting", "start it again");
    }
  }

  /** A number as the bridge reads it (3 rather than 3.0), anything else as its text. */
  private static String plain(Object v) {
    if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return String.valueOf(d.longValue());
    }
    return v instanceof String s ? s : ResultJson.write(v).replaceAll("^\"|\"$", "");
  }
}
