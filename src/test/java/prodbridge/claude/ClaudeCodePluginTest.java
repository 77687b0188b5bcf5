package prodbridge.claude;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.Bridge;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * The plugin as Claude Code itself sees it: the real CLI (npm, pinned in .ci/npm-clients) validates
 * it, installs it both ways (from a built bridge with install-plugin, and through its own
 * marketplace commands), and runs /prod-episode headless against a stand-in for the Messages API
 * that follows the command's text.
 */
@Tag("slow")
@ExtendWith(NoLeftoverProcesses.class)
class ClaudeCodePluginTest {
  /** A topic as people type it: an apostrophe, a command substitution, unicode. */
  static final String TOPIC = "The moon's tides $(touch pwned) 🌙 und Träume";

  @TempDir Path tmp;
  private Path home;
  private Path project;

  @BeforeEach
  void dirs() throws Exception {
    NpmClients.claude();
    home = Files.createDirectories(tmp.resolve("home"));
    project = Files.createDirectories(tmp.resolve("project"));
  }

  @Test
  void pluginAndMarketplacePassStrictValidation() throws Exception {
    ClaudeCode claude = new ClaudeCode(home, project, Map.of());
    Path repo = Path.of("").toAbsolutePath();
    assertThat(
            claude.run(
                null, 0, "plugin", "validate", "--strict", repo.resolve("plugin").toString()))
        .contains("Validation passed");
    assertThat(claude.run(null, 0, "plugin", "validate", "--strict", repo.toString()))
        .contains("Validation passed");
  }

  @Test
  void installedFromTheBuiltBridgeTheEpisodeCommandRunsInTheBackgroundAndReports()
      throws Exception {
    Path launcher = TestLauncher.write(tmp.resolve("bridge"));
    JsonNode installed = Bridge.json(bash(launcher + " install-plugin --scope user"));
    assertThat(installed.get("dir").asText())
        .isEqualTo(home.resolve(".claude/skills/prod-bridge").toString());

    JsonNode last = episode(Map.of(), TOPIC + " --budget 3");

    List<JsonNode> calls = standIn.bashCalls();
    assertThat(calls.get(1).path("run_in_background").asBoolean())
        .as("the wait runs in the background")
        .isTrue();
    assertThat(calls.get(1).path("command").asText()).contains(" status ").contains("--wait 2h");
    assertThat(last.get("result").asText())
        .contains("**prod-episode** succeeded")
        .contains("of $3.00 budget")
        .contains("Quality: ")
        .contains("audio-ep_");
  }

  @Test
  void withBackgroundTasksOffTheWaitFallsBackToTheForeground() throws Exception {
    Path launcher = TestLauncher.write(tmp.resolve("bridge"));
    bash(launcher + " install-plugin --scope user");
    JsonNode last =
        episode(
            Map.of("CLAUDE_CODE_DISABLE_BACKGROUND_TASKS", "1"),
            "\"Hanging topic\" --timeout 3s --grace 1s --max-attempts 1",
            "REFERENCE_PIPELINE_SIMULATE",
            "hang");
    List<JsonNode> calls = standIn.bashCalls();
    assertThat(calls.get(1).path("run_in_background").asBoolean(false)).isFalse();
    assertThat(calls.get(1).path("command").asText()).contains("--wait 9m");
    assertThat(last.get("result").asText())
        .contains("**prod-episode** failed (TIMEOUT_ERROR)")
        .contains("- Hint: ");
  }

  @Test
  void theMcpServerThePluginRegistersConnects() throws Exception {
    Path launcher = TestLauncher.write(tmp.resolve("bridge"));
    bash(launcher + " install-plugin --scope user");
    assertThat(new ClaudeCode(home, project, Map.of()).run(null, 0, "mcp", "list"))
        .containsPattern("plugin:prod-bridge:prod-bridge: .*bin/prod-bridge mcp - . Connected");
  }

  @Test
  void aRunThatEndedWhileNobodyWatchedIsToldToTheNextSession() throws Exception {
    Path launcher = TestLauncher.write(tmp.resolve("bridge"));
    bash(launcher + " install-plugin --scope user");
    try (MessagesApiStandIn api = new MessagesApiStandIn(true)) {
      standIn = api;
      JsonNode first =
          new ClaudeCode(home, project, Map.of())
              .prompt(api.url(), "/prod-research Tides --budget 1");
      first = first.isArray() ? first.get(0) : first;
      assertThat(first.get("permission_denials")).isEmpty();
      String runId = Bridge.json(jsonLine(firstResult(api))).get("run_id").asText();
      String session = first.get("session_id").asText();
      awaitEnd(runId);
      assertThat(
              Bridge.json(Files.readString(runDir(runId).resolve("session.json")))
                  .get("session_id")
                  .asText())
          .isEqualTo(session);

      new ClaudeCode(home, project, Map.of()).prompt(api.url(), "hello");
      String told = api.requests().get(api.requests().size() - 1).toString();
      assertThat(told)
          .contains("ended while no Claude Code session was watching")
          .contains(runId)
          .contains("succeeded");
    }
  }

  @Test
  void installedThroughTheMarketplaceThePluginBuildsItsBridgeOnFirstUse() throws Exception {
    Path clone = tmp.resolve("clone");
    Path repo = Path.of("").toAbsolutePath();
    for (String part : List.of("pom.xml", "src", "config", "plugin", ".claude-plugin")) {
      copyTree(repo.resolve(part), clone.resolve(part));
    }
    List<Path> pluginFiles = files(clone.resolve("plugin"));
    ClaudeCode claude = new ClaudeCode(home, project, Map.of());
    assertThat(claude.run(null, 0, "plugin", "marketplace", "add", clone.toString()))
        .contains("prod-bridge");
    assertThat(claude.run(null, 0, "plugin", "install", "prod-bridge@prod-bridge"))
        .contains("Successfully installed");

    JsonNode last = episode(Map.of("MAVEN_OPTS", "-Dmaven.repo.local=" + mavenRepo()), TOPIC);
    assertThat(last.get("result").asText()).contains("**prod-episode** succeeded");
    Path data = home.resolve(".claude/plugins/data/prod-bridge-prod-bridge");
    assertThat(data.resolve("prod-bridge.jar")).isRegularFile();
    // The first user builds it and says so on its stderr: the /prod-episode Bash call, or the
    // plugin's MCP server,
    // which Claude Code starts with the session and which may get there first (its stderr is not
    // ours to read).
    if (!startText.contains(
        "prod-bridge: first use of plugin 0.1.0: building the bridge from " + clone)) {
      assertThat(data.resolve("version")).content().isEqualToIgnoringWhitespace("0.1.0");
      assertThat(data.resolve("build"))
          .as("the build folder is removed after the build")
          .doesNotExist();
    }
    assertThat(standIn.bashCalls().get(1).path("run_in_background").asBoolean()).isTrue();
    assertThat(files(clone.resolve("plugin")))
        .as("nothing kept in the plugin's root")
        .isEqualTo(pluginFiles);
    assertThat(files(home.resolve(".claude/plugins/cache")))
        .noneMatch(p -> p.toString().endsWith(".jar"));
  }

  private static List<Path> files(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private MessagesApiStandIn standIn;
  private String startText;

  /**
   * /prod-episode ARGUMENTS through the real CLI; asserts what every such run must show; the CLI's
   * JSON.
   */
  private JsonNode episode(Map<String, String> env, String arguments, String... runEnv)
      throws Exception {
    Map<String, String> all = new java.util.HashMap<>(env);
    for (int i = 0; i < runEnv.length; i += 2) {
      all.put(runEnv[i], runEnv[i + 1]);
    }
    try (MessagesApiStandIn api = new MessagesApiStandIn(false)) {
      standIn = api;
      JsonNode all2 =
          new ClaudeCode(home, project, all).prompt(api.url(), "/prod-episode " + arguments);
      JsonNode out = all2.isArray() ? all2.get(all2.size() - 1) : all2;
      for (JsonNode turn : all2.isArray() ? all2 : List.of(all2)) {
        assertThat(turn.get("permission_denials")).as(turn.toString()).isEmpty();
        assertThat(turn.get("is_error").asBoolean()).as(turn.toString()).isFalse();
      }
      List<JsonNode> calls = api.bashCalls();
      startText = firstResult(api);
      String runId = Bridge.json(jsonLine(startText)).get("run_id").asText();
      String topic =
          Bridge.json(Files.readString(runDir(runId).resolve("state.json"))).get("topic").asText();
      String expected =
          arguments.contains("--") ? arguments.substring(0, arguments.indexOf(" --")) : arguments;
      assertThat(topic).isEqualTo(expected.replaceAll("^\"|\"$", ""));
      assertThat(project.resolve("pwned")).doesNotExist();
      if (calls.get(1).path("run_in_background").asBoolean()) {
        assertThat(calls).as("start, then one background wait").hasSize(2);
      }
      awaitEnd(runId);
      return out;
    }
  }

  /** The JSON line of what a start printed (Bash tool results hold stderr too). */
  private static String jsonLine(String output) {
    return output
        .lines()
        .filter(l -> l.startsWith("{"))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no JSON in: " + output));
  }

  private static String firstResult(MessagesApiStandIn api) {
    for (JsonNode r : api.requests()) {
      for (JsonNode m : r.path("messages")) {
        for (JsonNode b : m.path("content")) {
          if ("tool_result".equals(b.path("type").asText())) {
            JsonNode c = b.path("content");
            return c.isTextual() ? c.asText() : c.get(0).path("text").asText();
          }
        }
      }
    }
    throw new AssertionError("no tool result");
  }

  private Path runDir(String runId) {
    return project.resolve(".prod-bridge/runs").resolve(runId);
  }

  /** Waits for the run's detached supervisor to exit, so nothing is left when the test ends. */
  private void awaitEnd(String runId) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!Files.exists(runDir(runId).resolve("result.json")) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    long pid =
        Bridge.json(Files.readString(runDir(runId).resolve("state.json")))
            .get("supervisor_pid")
            .asLong();
    var supervisor = ProcessHandle.of(pid);
    if (supervisor.isPresent()
        && supervisor.get().onExit().completeOnTimeout(null, 60, TimeUnit.SECONDS).join() == null) {
      supervisor.get().destroyForcibly();
      throw new AssertionError(
          "the supervisor of run "
              + runId
              + " (pid "
              + pid
              + ") had not exited 60 s after"
              + " its result; it was killed (its keeper ends its tree)");
    }
  }

  private String bash(String command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).directory(project.toFile());
    pb.environment().put("HOME", home.toString());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Path out = Files.createTempFile(tmp, "bash", ".out");
    Path err = Files.createTempFile(tmp, "bash", ".err");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      assertThat(p.waitFor(120, TimeUnit.SECONDS))
          .as(command + " ended within 120 s\n" + Files.readString(err))
          .isTrue();
      assertThat(p.exitValue()).as(command + "\n" + Files.readString(err)).isZero();
      return Files.readString(out);
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  private static String mavenRepo() {
    String local = System.getProperty("maven.repo.local");
    return local != null
        ? local
        : Path.of(System.getProperty("user.home"), ".m2", "repository").toString();
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.createDirectories(t.getParent());
          Files.copy(p, t, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
