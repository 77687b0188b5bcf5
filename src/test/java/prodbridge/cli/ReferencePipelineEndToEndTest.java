package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.CliRun;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * The four commands on the embedded reference pipeline, each a real child JVM writing real
 * artifacts.
 */
@ExtendWith(NoLeftoverProcesses.class)
class ReferencePipelineEndToEndTest {
  @TempDir Path dir;

  private static List<String> files(JsonNode result) {
    List<String> paths = new ArrayList<>();
    result.get("output_files").forEach(f -> paths.add(f.get("path").asText()));
    return paths;
  }

  private static Path file(JsonNode result, String prefix) {
    return files(result).stream()
        .map(Path::of)
        .filter(p -> p.getFileName().toString().startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + prefix + " file in " + files(result)));
  }

  @Test
  void producesAWholeEpisodeAsJson() throws IOException {
    CliRun run = new CliHarness(dir).run("prod-episode", "Why", "do", "we", "dream?");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout().getBytes().length).isLessThan(8 * 1024);
    JsonNode r = run.json();
    assertThat(r.get("status").asText()).isEqualTo("success");
    assertThat(r.get("command").asText()).isEqualTo("prod-episode");
    assertThat(r.get("topic").asText()).isEqualTo("Why do we dream?");
    String episode = r.get("episode_id").asText();
    assertThat(episode).matches("ep_\\d{8}_\\d{6}_[0-9a-f]{8}");
    assertThat(r.get("final_cost").asDouble())
        .as("the README's \"about $1.70\"")
        .isBetween(1.55, 1.85);
    assertThat(r.get("budget").asDouble()).isEqualTo(5.51);
    assertThat(r.get("quality_score").asDouble()).isBetween(8.0, 10.0);
    assertThat(r.get("exit_code").asInt()).isZero();
    assertThat(r.get("error_type").isNull()).isTrue();

    Path script = file(r, "script-");
    String md = Files.readString(script);
    int words = md.split("\\s+").length;
    assertThat(words).as("about 27 minutes at 150 words a minute").isBetween(3600, 5000);
    assertThat(md).startsWith("# Why do we dream?").contains("## Segment 1").contains("## Sources");

    Path wav = file(r, "audio-");
    ByteBuffer header =
        ByteBuffer.wrap(Files.readAllBytes(wav), 0, 44).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new String(Files.readAllBytes(wav), 0, 4)).isEqualTo("RIFF");
    double seconds = header.getInt(40) / (double) header.getInt(24);
    assertThat(seconds / 60).isBetween(22.0, 35.0);

    JsonNode research = prodbridge.testing.Bridge.json(Files.readString(file(r, "research-")));
    assertThat(research.get("sources").size()).isGreaterThanOrEqualTo(10);
    JsonNode quality = prodbridge.testing.Bridge.json(Files.readString(file(r, "quality-")));
    assertThat(quality.get("overall").asDouble()).isEqualTo(r.get("quality_score").asDouble());
    assertThat(quality.get("measurements").get("spoken_words").asInt()).isGreaterThan(3000);
    for (String p : files(r)) {
      assertThat(Path.of(p)).isAbsolute().startsWith(dir.resolve("episodes").resolve(episode));
    }
    assertThat(Path.of(r.get("logs").get("stdout").asText())).exists();
    assertThat(Path.of(r.get("run_dir").asText()).resolve("result.json")).exists();
  }

  @Test
  void theSameTopicGivesTheSameEpisodeContent() throws IOException {
    JsonNode a =
        new CliHarness(dir)
            .run("prod-research", "Octopus intelligence", "--episode-id", "a")
            .json();
    JsonNode b =
        new CliHarness(dir)
            .run("prod-research", "Octopus intelligence", "--episode-id", "b")
            .json();
    assertThat(a.get("final_cost").asDouble()).isEqualTo(b.get("final_cost").asDouble());
    assertThat(a.get("quality_score").asDouble()).isEqualTo(b.get("quality_score").asDouble());
    String ra = Files.readString(file(a, "research-")).replace("\"a\"", "ID");
    String rb = Files.readString(file(b, "research-")).replace("\"b\"", "ID");
    assertThat(ra).isEqualTo(rb);
  }

  @Test
  void researchThenScriptThenAudioBuildOnTheSameEpisode() {
    CliHarness cli = new CliHarness(dir);
    JsonNode research =
        cli.run("prod-research", "The history of tea", "--episode-id", "ep_tea").json();
    assertThat(research.get("status").asText()).isEqualTo("success");
    assertThat(research.get("budget").asDouble()).isEqualTo(2.00);
    assertThat(research.get("final_cost").asDouble())
        .as("the README's \"$0.20-0.35\"")
        .isBetween(0.20, 0.35);
    assertThat(files(research)).anyMatch(p -> p.endsWith("research-ep_tea.json"));

    CliRun scriptRun = cli.run("prod-script", "--episode-id", "ep_tea");
    JsonNode script = scriptRun.json();
    assertThat(script.get("status").asText()).as(scriptRun.stdout()).isEqualTo("success");
    assertThat(script.get("topic").asText()).isEqualTo("The history of tea");
    assertThat(script.get("quality_threshold").asDouble()).isEqualTo(8.5);

    JsonNode audio = cli.run("prod-audio", "--episode-id", "ep_tea").json();
    assertThat(audio.get("status").asText()).isEqualTo("success");
    assertThat(files(audio)).anyMatch(p -> p.endsWith("audio-ep_tea.wav"));
    assertThat(audio.get("final_cost").asDouble()).isLessThan(1.50);
  }

  @Test
  void audioWithoutAScriptFailsWithAClearError() throws Exception {
    CliRun none = new CliHarness(dir).run("prod-audio", "--episode-id", "ep_none");
    assertThat(none.exitCode()).as("no such episode: refused before anything starts").isEqualTo(2);
    assertThat(none.stderr()).contains("--episode-id ep_none: no such episode");
    java.nio.file.Files.createDirectories(dir.resolve("episodes/ep_none"));
    CliRun run = new CliHarness(dir).run("prod-audio", "--episode-id", "ep_none");
    assertThat(run.exitCode()).isEqualTo(10);
    JsonNode r = run.json();
    assertThat(r.get("error_type").asText()).isEqualTo("EXECUTION_ERROR");
    assertThat(r.get("error_message").asText())
        .contains("no script for episode ep_none")
        .contains("prod-script");
    assertThat(r.get("hint").asText()).isNotBlank();
  }
}
