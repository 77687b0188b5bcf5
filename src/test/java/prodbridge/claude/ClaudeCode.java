package prodbridge.claude;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Claude Code CLI run in a fresh HOME, against a stand-in for the Messages API; ended
 * after each call.
 */
final class ClaudeCode {
  private final Path home;
  private final Path project;
  private final Map<String, String> extraEnv;

  ClaudeCode(Path home, Path project, Map<String, String> extraEnv) {
    this.home = home;
    this.project = project;
    this.extraEnv = extraEnv;
  }

  /** Runs {@code claude args...}; returns stdout, asserting the exit code is {@code expected}. */
  String run(String apiUrl, int expected, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(NpmClients.claude().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile());
    Map<String, String> env = pb.environment();
    env.put("HOME", home.toString());
    env.put("TMPDIR", Files.createDirectories(home.resolve("tmp")).toString());
    env.remove("CLAUDE_CONFIG_DIR");
    env.remove("CLAUDE_CODE_SESSION_ID");
    env.put("ANTHROPIC_BASE_URL", apiUrl == null ? "http://127.0.0.1:9" : apiUrl);
    env.put("ANTHROPIC_API_KEY", "sk-test-stand-in");
    env.put("DISABLE_AUTOUPDATER", "1");
    env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
    env.putAll(extraEnv);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Path outFile = Files.createTempFile(home, "claude", ".out");
    Path err = Files.createTempFile(home, "claude", ".err");
    pb.redirectOutput(outFile.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    try {
      boolean ended = p.waitFor(300, TimeUnit.SECONDS);
      String out = Files.readString(outFile, StandardCharsets.UTF_8);
      assertThat(ended)
          .as(
              "claude "
                  + String.join(" ", args)
                  + " ended within 300 s\n"
                  + out
                  + "\n"
                  + Files.readString(err))
          .isTrue();
      assertThat(p.exitValue())
          .as(String.join(" ", args) + "\n" + out + "\n" + Files.readString(err))
          .isEqualTo(expected);
      return out;
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.onExit().get(10, TimeUnit.SECONDS);
    }
  }

  /** {@code claude -p PROMPT --output-format json}, its JSON. */
  JsonNode prompt(String apiUrl, String prompt) throws Exception {
    return new ObjectMapper().readTree(run(apiUrl, 0, "-p", prompt, "--output-format", "json"));
  }
}
