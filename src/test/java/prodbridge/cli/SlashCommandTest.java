package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * The slash command files as Claude Code sees them: installed into a scratch project by a real launcher, parsed as
 * YAML frontmatter plus body, and their instructions followed to the letter with bash, as Claude would.
 */
@ExtendWith(NoLeftoverProcesses.class)
class SlashCommandTest {
  private static final Pattern FRONTMATTER = Pattern.compile("\\A---\\n(.*?)\\n---\\n(.*)\\z", Pattern.DOTALL);
  private static final Pattern CODE_LINE = Pattern.compile("```\\n\\s*(.+?)\\n\\s*```", Pattern.DOTALL);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path project;
  private Path launcher;

  /** A launcher like target/prod-bridge, but for the test class path (the jar does not exist yet in `mvn test`). */
  @BeforeEach
  void writeLauncher() throws Exception {
    launcher = project.resolve("bin/prod-bridge");
    Files.createDirectories(launcher.getParent());
    Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
        + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dprodbridge.launcher='" + launcher + "' -cp '"
        + System.getProperty("java.class.path") + "' prodbridge.cli.Main \"$@\"\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private String bash(String command, String... env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).directory(project.toFile());
    for (int i = 0; i < env.length; i += 2) {
      pb.environment().put(env[i], env[i + 1]);
    }
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Path err = project.resolve("stderr.txt");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(command + "\n" + Files.readString(err)).isZero();
    return out;
  }

  @Test
  void installedFilesAreValidCommandsNamingAnExistingLauncher() throws Exception {
    String said = bash("'" + launcher + "' install-commands");
    Path commands = project.resolve(".claude/commands");
    assertThat(Bridge.json(said).get("written")).hasSize(6);
    for (String name : InstallCommandsCommand.FILES) {
      String text = Files.readString(commands.resolve(name));
      Matcher m = FRONTMATTER.matcher(text);
      assertThat(m.matches()).as(name).isTrue();
      JsonNode front = YAML.readTree(m.group(1));
      assertThat(front.get("description").asText()).as(name).isNotBlank();
      assertThat(front.has("argument-hint")).as(name).isTrue();
      assertThat(front.get("allowed-tools").asText()).isEqualTo("Bash(" + launcher + ":*)");
      boolean spends = !name.equals("prod-status.md") && !name.equals("prod-cancel.md");
      assertThat(front.path("disable-model-invocation").asBoolean(false)).as(name).isEqualTo(spends);
      assertThat(m.group(2)).contains("$ARGUMENTS").doesNotContain("{{launcher}}");
      Matcher code = CODE_LINE.matcher(m.group(2));
      while (code.find()) {
        assertThat(Path.of(code.group(1).split(" ")[0])).as(name).isEqualTo(launcher).isExecutable();
      }
    }
  }

  @Test
  void aFileTheUserEditedIsKeptUnlessForced() throws Exception {
    bash("'" + launcher + "' install-commands");
    Path episode = project.resolve(".claude/commands/prod-episode.md");
    Files.writeString(episode, Files.readString(episode) + "\nAlways use a budget of 2.\n");
    ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "install-commands").directory(project.toFile());
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isEqualTo(2);
    assertThat(out).contains("prod-episode.md").contains("--force");
    assertThat(Files.readString(episode)).endsWith("Always use a budget of 2.\n");
    bash("'" + launcher + "' install-commands --force");
    assertThat(Files.readString(episode)).doesNotContain("Always use a budget of 2.");
  }

  @Test
  void followingTheEpisodeCommandsInstructionsProducesAnEpisode() throws Exception {
    String finalStatus = followEpisodeCommand("\"Why do we dream?\" --budget 3");
    assertThat(finalStatus).startsWith("**prod-episode** succeeded").contains("of $3.00 budget")
        .contains("audio-ep_");
  }

  @Test
  void theSameFlowWithAHangingPipelineEndsInAClearFinalStateWithNothingLeft() throws Exception {
    String finalStatus = followEpisodeCommand("\"Hanging topic\" --timeout 3s --grace 1s --max-attempts 1",
        "REFERENCE_PIPELINE_SIMULATE", "hang");
    assertThat(finalStatus).startsWith("**prod-episode** failed (TIMEOUT_ERROR)").contains("--timeout");
    assertThat(NoLeftoverProcesses.waitForNone(2000)).isEmpty();
  }

  /** Installs, then runs step 1 and step 2 of prod-episode.md with the user's arguments; the last status output. */
  private String followEpisodeCommand(String arguments, String... env) throws Exception {
    bash("'" + launcher + "' install-commands");
    String body = Files.readString(project.resolve(".claude/commands/prod-episode.md")).replace("$ARGUMENTS", arguments);
    List<String> steps = new ArrayList<>();
    Matcher code = CODE_LINE.matcher(body);
    while (code.find()) {
      steps.add(code.group(1));
    }
    String start = steps.get(0).replace("'<the arguments above>'", "'" + arguments.replace("'", "'\\''") + "'");
    JsonNode started = Bridge.json(bash(start, env));
    String runId = started.get("run_id").asText();
    String poll = steps.get(1).replace("RUN_ID", runId);
    String status = bash(poll);
    for (int i = 0; i < 10 && status.contains("** running"); i++) {
      status = bash(poll);
    }
    long supervisor = Bridge.json(Files.readString(project.resolve(".prod-bridge/runs").resolve(runId)
        .resolve("state.json"))).get("supervisor_pid").asLong();
    ProcessHandle.of(supervisor).ifPresent(h -> h.onExit().join());
    return status;
  }

  /** Local alias: the JSON reader of the real-process tests. */
  private static final class Bridge {
    static JsonNode json(String text) {
      return prodbridge.testing.Bridge.json(text);
    }
  }
}
