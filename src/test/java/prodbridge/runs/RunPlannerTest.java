package prodbridge.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import prodbridge.config.ConfigLoader;
import prodbridge.config.ProfileSettings;
import prodbridge.config.UsageException;

class RunPlannerTest {
  @TempDir Path dir;

  private RunPlanner planner(Map<String, String> env) {
    return new RunPlanner(
        new ConfigLoader(env, dir).load(null, ProfileSettings.NONE), env, dir, Clock.systemUTC());
  }

  @Test
  void expandsTheTemplateOnceSoATopicArrivesVerbatimAsOneArgument() {
    String topic = "$(touch pwned); rm -rf ~ {budget} \"x\"";
    RunPlan plan =
        planner(Map.of())
            .plan(new RunRequest("prod-episode", "prod-episode", topic, null, List.of()));
    List<String> argv = plan.argv();
    assertThat(argv.get(argv.indexOf("--topic") + 1)).isEqualTo(topic);
    assertThat(argv.get(argv.indexOf("--budget") + 1)).isEqualTo("5.51");
    assertThat(argv.get(argv.indexOf("--quality-threshold") + 1)).isEqualTo("8.0");
    assertThat(argv.get(argv.indexOf("--output-dir") + 1)).isEqualTo(plan.outputDir().toString());
    assertThat(plan.episodeId()).matches("ep_\\d{8}_\\d{6}_[0-9a-f]{8}");
    assertThat(plan.outputDir()).isEqualTo(dir.resolve("episodes").resolve(plan.episodeId()));
    assertThat(plan.runDir().getParent()).isEqualTo(dir.resolve(".prod-bridge/runs"));
    assertThat(dir.resolve(".prod-bridge")).as("planning creates nothing").doesNotExist();
  }

  @Test
  void passesOnlyTheProfilesVariablesPlusTheRunsOwn() {
    Map<String, String> env =
        Map.of("PATH", "/bin", "SECRET_TOKEN", "x", "LC_ALL", "C", "REFERENCE_PIPELINE_PACE", "0");
    RunPlan plan =
        planner(env).plan(new RunRequest("prod-episode", "prod-episode", "t", "ep1", List.of()));
    assertThat(plan.environment())
        .containsEntry("PATH", "/bin")
        .containsEntry("LC_ALL", "C")
        .containsEntry("REFERENCE_PIPELINE_PACE", "0")
        .containsEntry("PROD_BRIDGE_EPISODE_ID", "ep1")
        .doesNotContainKey("SECRET_TOKEN");
  }

  @Test
  void runPassesTheCommandLineVerbatimAndTheWholeEnvironment() {
    Map<String, String> env = Map.of("PATH", "/bin", "ANY", "thing");
    RunPlan plan =
        planner(env).plan(new RunRequest("run", "run", null, null, List.of("echo", "{topic}")));
    assertThat(plan.argv()).containsExactly("echo", "{topic}");
    assertThat(plan.episodeId()).isNull();
    assertThat(plan.outputDir()).isNull();
    assertThat(plan.environment()).containsEntry("ANY", "thing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../etc", "a/b", "..", "ep..1", "", "-x", "has space"})
  void refusesEpisodeIdsThatAreNotOnePlainName(String id) {
    assertThatThrownBy(
            () ->
                planner(Map.of())
                    .plan(new RunRequest("prod-episode", "prod-episode", "t", id, List.of())))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--episode-id");
  }

  @Test
  void refusesAProfileWithoutArgvAndAMissingWorkingDirectory() throws Exception {
    Files.writeString(dir.resolve("prod-bridge.json"), "{\"pipeline\": \"langgraph\"}");
    assertThatThrownBy(
            () ->
                planner(Map.of())
                    .plan(new RunRequest("prod-research", "prod-research", "t", null, List.of())))
        .hasMessageContaining("profile prod-research has no argv for pipeline \"langgraph\"");
    assertThatThrownBy(
            () ->
                planner(Map.of())
                    .plan(new RunRequest("prod-episode", "prod-episode", "t", null, List.of())))
        .hasMessageContaining("working_dir")
        .hasMessageContaining("podcast_production: no such directory");
  }

  @Test
  void formatsMoneyWithTwoDecimalsAtLeast() {
    assertThat(RunPlanner.decimal(2)).isEqualTo("2.00");
    assertThat(RunPlanner.decimal(5.51)).isEqualTo("5.51");
    assertThat(RunPlanner.decimal(0.125)).isEqualTo("0.125");
  }
}
