package prodbridge.claude;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * prod-bridge mcp driven by clients that are not ours: the MCP Inspector's CLI (npm, pinned in
 * .ci/npm-clients) for listing, starting, reading, cancelling and bad arguments, and the official
 * Java SDK's client for a status wait with progress notifications.
 */
@Tag("slow")
@ExtendWith(NoLeftoverProcesses.class)
class McpServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path project;
  private Path launcher;

  @BeforeEach
  void setUp() throws Exception {
    NpmClients.inspector();
    project = Files.createDirectories(tmp.resolve("project"));
    launcher = TestLauncher.write(tmp.resolve("bridge"));
  }

  @Test
  void listsItsToolsWithAnnotationsThatSayWhatSpendsAndWhatOnlyReads() throws Exception {
    JsonNode tools = inspector(0, "--method", "tools/list").path("result").path("tools");
    Map<String, JsonNode> byName = new java.util.HashMap<>();
    tools.forEach(t -> byName.put(t.get("name").asText(), t));
    assertThat(byName)
        .containsOnlyKeys(
            "prod_episode",
            "prod_research",
            "prod_script",
            "prod_audio",
            "status",
            "result",
            "cancel",
            "runs");
    for (String spends : List.of("prod_episode", "prod_research", "prod_script", "prod_audio")) {
      assertThat(byName.get(spends).path("annotations").path("readOnlyHint").asBoolean(true))
          .isFalse();
      assertThat(byName.get(spends).path("description").asText()).contains("SPENDS MONEY");
    }
    for (String reads : List.of("status", "result", "runs")) {
      assertThat(byName.get(reads).path("annotations").path("readOnlyHint").asBoolean(false))
          .isTrue();
    }
    assertThat(byName.get("cancel").path("annotations").path("destructiveHint").asBoolean(false))
        .isTrue();
  }

  @Test
  void startsARunThatOutlivesTheServerWaitsWithProgressAndReadsTheResult() throws Exception {
    String topic = ClaudeCodePluginTest.TOPIC;
    JsonNode started =
        text(
            inspector(
                0,
                List.of("-e", "REFERENCE_PIPELINE_PACE=0.02"),
                "--method",
                "tools/call",
                "--tool-name",
                "prod_episode",
                "--tool-arg",
                "topic=" + topic,
                "--tool-arg",
                "budget=3"));
    String runId = started.get("run_id").asText();
    assertThat(started.get("topic").asText()).isEqualTo(topic);

    List<ProgressNotification> progress = new CopyOnWriteArrayList<>();
    CallToolResult waited;
    try (McpSyncClient client = sdkClient(progress)) {
      client.initialize();
      CallToolResult early =
          client.callTool(new CallToolRequest("result", Map.of("run_id", runId), null));
      assertThat(early.isError()).isTrue();
      JsonNode notEnded = JSON.readTree(((TextContent) early.content().get(0)).text());
      assertThat(notEnded.get("error_type").asText()).isEqualTo("NOT_ENDED");
      assertThat(notEnded.get("hint").asText()).contains("status");
      waited =
          client.callTool(
              new CallToolRequest(
                  "status",
                  Map.of("run_id", runId, "wait_seconds", 90),
                  Map.of("progressToken", "wait-1")));
    }
    JsonNode end = JSON.readTree(((TextContent) waited.content().get(0)).text());
    assertThat(end.get("status").asText()).isEqualTo("success");
    assertThat(progress).isNotEmpty();
    assertThat(progress)
        .extracting(ProgressNotification::message)
        .allMatch(m -> m.startsWith(runId + ": running"));
    List<Double> values = progress.stream().map(ProgressNotification::progress).toList();
    assertThat(values).isSorted().doesNotHaveDuplicates();

    JsonNode result =
        text(
            inspector(
                0,
                "--method",
                "tools/call",
                "--tool-name",
                "result",
                "--tool-arg",
                "run_id=" + runId));
    assertThat(result.get("final_cost").asDouble()).isPositive().isLessThanOrEqualTo(3.0);
    assertThat(result.get("quality_score").asDouble()).isPositive();
    assertThat(result.get("output_files")).isNotEmpty();
    assertThat(result.get("topic").asText()).isEqualTo(topic);
  }

  @Test
  void cancelEndsARunningRun() throws Exception {
    JsonNode started =
        text(
            inspector(
                0,
                List.of("-e", "REFERENCE_PIPELINE_SIMULATE=hang"),
                "--method",
                "tools/call",
                "--tool-name",
                "prod_research",
                "--tool-arg",
                "topic=Hanging",
                "--tool-arg",
                "timeout=2m"));
    String runId = started.get("run_id").asText();
    awaitChild(runId);
    JsonNode cancelled =
        text(
            inspector(
                0,
                "--method",
                "tools/call",
                "--tool-name",
                "cancel",
                "--tool-arg",
                "run_id=" + runId));
    assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
    assertThat(cancelled.get("error_type").asText()).isEqualTo("CANCELLED");
    assertThat(cancelled.get("hint").asText()).isNotBlank();
    assertThat(NoLeftoverProcesses.waitForNone(5000)).isEmpty();
  }

  @Test
  void badArgumentsComeBackAsToolErrorsWithTypeAndHint() throws Exception {
    JsonNode bad =
        inspector(
            5,
            "--method",
            "tools/call",
            "--tool-name",
            "prod_episode",
            "--tool-arg",
            "topic=x",
            "--tool-arg",
            "quality_threshold=42");
    assertThat(bad.path("result").path("isError").asBoolean()).isTrue();
    JsonNode error = text(bad);
    assertThat(error.get("error_type").asText()).isEqualTo("USAGE_ERROR");
    assertThat(error.get("error_message").asText()).contains("quality threshold").contains("42");
    assertThat(error.get("hint").asText()).isNotBlank();

    JsonNode unknown =
        text(
            inspector(
                5,
                "--method",
                "tools/call",
                "--tool-name",
                "result",
                "--tool-arg",
                "run_id=20990101-000000-episode-abcdef"));
    assertThat(unknown.get("error_type").asText()).isEqualTo("USAGE_ERROR");
    assertThat(unknown.get("error_message").asText()).contains("unknown run id");
    assertThat(project.resolve(".prod-bridge/runs")).doesNotExist();
  }

  private McpSyncClient sdkClient(List<ProgressNotification> progress) {
    ServerParameters server =
        ServerParameters.builder("sh")
            .args("-c", "cd '" + project + "' && exec '" + launcher + "' mcp")
            .build();
    return McpClient.sync(
            new StdioClientTransport(server, new JacksonMcpJsonMapper(new ObjectMapper())))
        .requestTimeout(Duration.ofSeconds(120))
        .progressConsumer(progress::add)
        .build();
  }

  /** The JSON in a tool result's first text content. */
  private static JsonNode text(JsonNode response) throws Exception {
    return JSON.readTree(response.path("result").path("content").get(0).path("text").asText());
  }

  private JsonNode inspector(int expectedExit, String... args) throws Exception {
    return inspector(expectedExit, List.of(), args);
  }

  /** One Inspector CLI call on a fresh server process; its JSON output. */
  private JsonNode inspector(int expectedExit, List<String> before, String... args)
      throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                NpmClients.inspector().toString(),
                "--cli",
                "--format",
                "json",
                "--cwd",
                project.toString()));
    cmd.addAll(before);
    cmd.addAll(List.of(launcher.toString(), "mcp"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile());
    pb.environment().put("HOME", tmp.toString());
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Path err = tmp.resolve("inspector.err");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out + Files.readString(err)).isEqualTo(expectedExit);
      return JSON.readTree(out);
    } finally {
      p.destroyForcibly();
    }
  }

  private void awaitChild(String runId) throws Exception {
    Path state = project.resolve(".prod-bridge/runs").resolve(runId).resolve("state.json");
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Files.exists(state) && JSON.readTree(state.toFile()).path("child_pid").asLong() > 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the run's child never started");
  }
}
