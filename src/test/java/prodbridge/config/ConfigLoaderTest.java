package prodbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.classify.ErrorType;

class ConfigLoaderTest {
  @TempDir Path dir;

  private EffectiveConfig load(String json) throws IOException {
    Path file = dir.resolve("prod-bridge.json");
    Files.writeString(file, json);
    return new ConfigLoader(Map.of(), dir).load(file, ProfileSettings.NONE);
  }

  private String errorOf(String json) {
    Path file = dir.resolve("bad.json");
    try {
      Files.writeString(file, json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Throwable t =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> new ConfigLoader(Map.of(), dir).load(file, ProfileSettings.NONE));
    assertThat(t).isInstanceOf(UsageException.class);
    assertThat(t.getMessage()).doesNotContain("\n").startsWith(file.toString());
    return t.getMessage();
  }

  @Test
  void builtInProfilesCarryTheOriginalDesignsLimits() {
    EffectiveConfig c = new ConfigLoader(Map.of(), dir).load(null, ProfileSettings.NONE);
    assertThat(c.pipeline()).isEqualTo("reference");
    assertThat(c.runsRoot()).isEqualTo(dir.resolve(".prod-bridge/runs"));
    assertThat(c.outputRoot()).isEqualTo(dir.resolve("episodes"));
    assertLimits(c.profile("prod-episode"), Duration.ofMinutes(30), 5.51, 8.0, 3);
    assertLimits(c.profile("prod-research"), Duration.ofMinutes(10), 2.00, 7.0, 3);
    assertLimits(c.profile("prod-script"), Duration.ofMinutes(15), 2.50, 8.5, 3);
    assertLimits(c.profile("prod-audio"), Duration.ofMinutes(10), 1.50, 8.0, 1);
    assertThat(c.profile("prod-episode").grace()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.profile("prod-episode").retry().delay()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.profile("prod-episode").retry().on())
        .containsExactlyInAnyOrder(
            ErrorType.RATE_LIMITED,
            ErrorType.NETWORK_ERROR,
            ErrorType.TIMEOUT_ERROR,
            ErrorType.STALLED);
    assertThat(c.profile("prod-episode").argv())
        .contains("{topic}", "{episode_id}", "{output_dir}");
    assertThat(c.profile("run").argv()).isEmpty();
    assertThat(c.profile("run").envPassthrough()).containsExactly("*");
  }

  private static void assertLimits(
      Profile p, Duration timeout, double budget, double quality, int attempts) {
    assertThat(p.timeout()).isEqualTo(timeout);
    assertThat(p.budget()).isEqualTo(budget);
    assertThat(p.qualityThreshold()).isEqualTo(quality);
    assertThat(p.retry().maxAttempts()).isEqualTo(attempts);
  }

  @Test
  void layersBuiltInThenFileThenFlags() throws IOException {
    Path file = dir.resolve("c.json");
    Files.writeString(
        file,
        """
        {"defaults": {"grace": "3s"},
         "profiles": {"prod-episode": {"timeout": "45m", "budget": 9.5}}}""");
    ProfileSettings flags = ProfileSettings.builder().budget(new Budget(7.0)).build();
    EffectiveConfig c = new ConfigLoader(Map.of(), dir).load(file, flags);
    Profile p = c.profile("prod-episode");
    assertThat(p.timeout()).isEqualTo(Duration.ofMinutes(45));
    assertThat(p.grace()).isEqualTo(Duration.ofSeconds(3));
    assertThat(p.budget()).isEqualTo(7.0);
    assertThat(p.qualityThreshold()).isEqualTo(8.0);
    assertThat(c.profile("prod-research").grace()).isEqualTo(Duration.ofSeconds(3));
    assertThat(c.sources()).containsExactly("built-in", file.toString(), "command line");
  }

  @Test
  void theRealPipelinesProfileSetIsOneSettingAway() throws IOException {
    Files.createDirectories(dir.resolve("podcast"));
    EffectiveConfig c =
        load(
            """
        {"pipeline": "langgraph", "profiles": {"prod-episode": {"working_dir": "podcast"}}}""");
    Profile p = c.profile("prod-episode");
    assertThat(p.argv())
        .containsExactly(
            "python",
            "main.py",
            "--topic",
            "{topic}",
            "--budget",
            "{budget}",
            "--output-dir",
            "{output_dir}");
    assertThat(p.workingDir()).isEqualTo(dir.resolve("podcast").toString());
    assertThat(p.resultPatterns().totalCost()).isNotNull();
    assertThat(c.profile("prod-research").argv())
        .as("the real pipeline has no research-only entry")
        .isEmpty();
  }

  @Test
  void theFileIsFoundThroughTheEnvironmentOrTheWorkingDirectory() throws IOException {
    Files.writeString(dir.resolve("mine.json"), "{\"runs_root\": \"elsewhere\"}");
    EffectiveConfig viaEnv =
        new ConfigLoader(Map.of(ConfigLoader.CONFIG_ENV, "mine.json"), dir)
            .load(null, ProfileSettings.NONE);
    assertThat(viaEnv.runsRoot()).isEqualTo(dir.resolve("elsewhere"));
    Files.writeString(dir.resolve("prod-bridge.json"), "{\"output_root\": \"out\"}");
    EffectiveConfig local = new ConfigLoader(Map.of(), dir).load(null, ProfileSettings.NONE);
    assertThat(local.outputRoot()).isEqualTo(dir.resolve("out"));
    EffectiveConfig runsEnv =
        new ConfigLoader(Map.of(ConfigLoader.RUNS_ENV, "/tmp/r"), dir)
            .load(null, ProfileSettings.NONE);
    assertThat(runsEnv.runsRoot()).isEqualTo(Path.of("/tmp/r"));
  }

  @Test
  void anUnknownKeyIsNamedWithItsLineAndColumn() {
    String msg =
        errorOf("{\n  \"profiles\": {\n    \"prod-episode\": {\"timout\": \"5m\"}\n  }\n}");
    assertThat(msg)
        .contains(":3:")
        .contains("profiles.prod-episode.timout")
        .contains("unknown key \"timout\"")
        .contains("timeout");
  }

  @Test
  void anUnknownKeyIsPlacedAtTheKeyNotAtTheEndOfItsObject() {
    String msg =
        errorOf(
            "{\n  \"profiles\": {\n    \"prod-episode\": {\n      \"timout\": \"5m\",\n      \"budget\": 3\n"
                + "    }\n  }\n}");
    assertThat(msg).contains("bad.json:4:7: profiles.prod-episode.timout: unknown key");
    assertThat(errorOf("{\"defaults\": {\"retry\": {\"max_attempts\": 3, \"bogus\": 1}}}"))
        .contains(":1:44: defaults.retry.bogus: unknown key");
  }

  @Test
  void aWrongTypeIsNamed() {
    assertThat(errorOf("{\"profiles\": {\"prod-episode\": {\"budget\": \"lots\"}}}"))
        .contains(":1:")
        .contains("profiles.prod-episode.budget")
        .contains("expected a number");
    assertThat(errorOf("{\"defaults\": {\"timeout\": 30}}"))
        .contains("defaults.timeout")
        .contains("expected a duration in quotes");
    assertThat(errorOf("{\"defaults\": {\"description\": 5}}"))
        .contains("defaults.description: wrong type");
    assertThat(errorOf("{\"defaults\": {\"argv\": \"python main.py\"}}"))
        .contains("defaults.argv: expected a list");
  }

  @Test
  void zeroOrNegativeLimitsAreRefused() {
    assertThat(errorOf("{\"defaults\": {\"timeout\": \"0s\"}}"))
        .contains("defaults.timeout")
        .contains("must be greater than zero");
    assertThat(errorOf("{\n\"profiles\": {\"prod-audio\": {\"budget\": -1}}}"))
        .contains(":2:")
        .contains("profiles.prod-audio.budget")
        .contains("must be from 0.01");
    assertThat(errorOf("{\"defaults\": {\"budget\": 0}}")).contains("must be from 0.01");
    assertThat(errorOf("{\"defaults\": {\"grace\": \"-1s\"}}")).contains("bad duration");
    assertThat(errorOf("{\"defaults\": {\"quality_threshold\": 11}}")).contains("between 0 and 10");
    assertThat(errorOf("{\"defaults\": {\"retry\": {\"max_attempts\": 0}}}"))
        .contains("defaults.retry.max_attempts");
    assertThat(errorOf("{\"defaults\": {\"retry\": {\"max_attempts\": 21}}}"))
        .contains("defaults.retry.max_attempts")
        .contains("expected a whole number from 1 to 20");
    assertThat(errorOf("{\"defaults\": {\"retry\": {\"max_attempts\": 2.5}}}"))
        .contains("from 1 to 20");
    assertThat(errorOf("{\"defaults\": {\"quality_threshold\": \"8\"}}"))
        .contains("expected a number");
    assertThat(errorOf("{\"defaults\": {\"monitor_interval\": 100}}"))
        .contains("a duration in quotes");
    assertThat(errorOf("{\"defaults\": {\"retry\": {\"jitter\": 2}}}")).contains("between 0 and 1");
    assertThat(errorOf("{\"defaults\": {\"retry\": {\"on\": [\"RATE\"]}}}"))
        .contains("defaults.retry.on[0]")
        .contains("unknown error type \"RATE\"");
  }

  @Test
  void unknownPlaceholdersAndBadPatternsAreRefused() {
    assertThat(errorOf("{\"profiles\": {\"x\": {\"argv\": [\"run\", \"{topik}\"]}}}"))
        .contains("profiles.x.argv")
        .contains("unknown placeholder {topik}");
    assertThat(
            errorOf(
                "{\"profiles\": {\"x\": {\"result_patterns\": {\"total_cost\": \"Cost: [0-9\"}}}}"))
        .contains("profiles.x.result_patterns")
        .contains("not a valid regular expression");
    assertThat(
            errorOf(
                "{\"profiles\": {\"x\": {\"result_patterns\": {\"total_cost\": \"Cost: [0-9]+\"}}}}"))
        .contains("needs one capture group");
  }

  @Test
  void unparsableFilesAndUnknownPipelinesAreRefused() {
    assertThat(errorOf("{\"defaults\": {")).contains("not valid JSON");
    assertThat(errorOf("{\"a\": 1} trailing")).contains("bad.json:");
    assertThat(errorOf("{\"pipeline\": \"airflow\"}")).contains("unknown profile set \"airflow\"");
    assertThat(errorOf("{\"profiles\": {\"Bad Name\": {}}}")).contains("a profile name is");
    assertThat(errorOf("{\"defaults\": {\"budget\": 1, \"budget\": 2}}")).contains("budget");
    assertThatThrownBy(
            () ->
                new ConfigLoader(Map.of(), dir)
                    .load(dir.resolve("missing.json"), ProfileSettings.NONE))
        .hasMessageContaining("missing.json: no such file");
  }

  @Test
  void monitoringSettingsAreReadAndChecked() throws IOException {
    EffectiveConfig c =
        load(
            "{\"profiles\": {\"prod-audio\": {\"memory_limit\": \"1.5GB\", \"monitor_interval\": \"250ms\","
                + " \"stall_timeout\": \"2m\", \"cost_file\": {\"path\": \"{output_dir}/report.json\", \"json_field\": \"total_cost\"}}}}");
    Profile p = c.profile("prod-audio");
    assertThat(p.memoryLimit().bytes()).isEqualTo(1536L * 1024 * 1024);
    assertThat(p.monitorInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(p.stallTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(p.costFile().jsonField()).isEqualTo("total_cost");
    assertThat(c.profile("prod-episode").stallTimeout())
        .as("on for episodes")
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(c.profile("prod-research").stallTimeout())
        .as("off where silence is normal")
        .isNull();
    assertThat(c.profile("prod-research").monitorInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(errorOf("{\"defaults\": {\"monitor_interval\": \"50ms\"}}"))
        .contains("at least 100ms");
    assertThat(errorOf("{\"defaults\": {\"memory_limit\": \"lots\"}}"))
        .contains("defaults.memory_limit")
        .contains("bad size");
    assertThat(errorOf("{\"defaults\": {\"memory_limit\": 512}}"))
        .contains("expected a size in quotes");
    assertThat(errorOf("{\"defaults\": {\"cost_file\": {\"path\": \"c.csv\"}}}"))
        .contains("defaults.cost_file")
        .contains("exactly one of csv_column and json_field");
    assertThat(
            errorOf(
                "{\"defaults\": {\"cost_file\": {\"path\": \"{nope}/c.csv\", \"csv_column\": \"c\"}}}"))
        .contains("unknown placeholder {nope}");
  }

  @Test
  void aUsersOwnProfileStartsFromTheRunProfile() throws IOException {
    EffectiveConfig c = load("{\"profiles\": {\"nightly\": {\"timeout\": \"2h\"}}}");
    assertThat(c.profile("nightly").timeout()).isEqualTo(Duration.ofHours(2));
    assertThat(c.profile("nightly").envPassthrough()).containsExactly("*");
    assertThatThrownBy(() -> c.profile("nope")).hasMessageContaining("unknown profile \"nope\"");
  }
}
