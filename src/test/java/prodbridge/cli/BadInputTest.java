package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import prodbridge.testing.CliRun;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * Bad input: exit 2, one line on stderr naming the problem, an error object on stdout, nothing on
 * disk.
 */
@ExtendWith(NoLeftoverProcesses.class)
class BadInputTest {
  @TempDir Path dir;

  static Stream<Arguments> badInputs() {
    return Stream.of(
        Arguments.of(new String[] {"prod-epsiode", "x"}, "prod-epsiode"),
        Arguments.of(new String[] {}, "missing command"),
        Arguments.of(new String[] {"prod-episode"}, "TOPIC"),
        Arguments.of(new String[] {"prod-research"}, "TOPIC"),
        Arguments.of(new String[] {"prod-script"}, "needs a TOPIC or the --episode-id"),
        Arguments.of(new String[] {"prod-audio", "x"}, "needs --episode-id"),
        Arguments.of(new String[] {"prod-episode", "x", "--timeout", "5"}, "bad duration \"5\""),
        Arguments.of(
            new String[] {"prod-episode", "x", "--timeout", "0s"}, "must be greater than zero"),
        Arguments.of(
            new String[] {"prod-episode", "x", "--grace", "soon"}, "bad duration \"soon\""),
        Arguments.of(
            new String[] {"prod-episode", "x", "--episode-id", "../../etc"}, "--episode-id"),
        Arguments.of(new String[] {"prod-episode", "x", "--episode-id", "a/b"}, "--episode-id"),
        Arguments.of(
            new String[] {"prod-episode", "x", "--budget", "0"},
            "must be from 0.01 to 1000000 (USD)"),
        Arguments.of(
            new String[] {"prod-episode", "x", "--budget", "-1"},
            "must be from 0.01 to 1000000 (USD)"),
        Arguments.of(new String[] {"prod-episode", "x", "--budget", "cheap"}, "not a number"),
        Arguments.of(
            new String[] {"prod-episode", "x", "--quality-threshold", "12"}, "between 0 and 10"),
        Arguments.of(new String[] {"prod-episode", "x", "--format", "yaml"}, "--format"),
        Arguments.of(
            new String[] {"prod-episode", "x", "--config", "missing.json"},
            "missing.json: no such file"),
        Arguments.of(
            new String[] {"prod-episode", "x", "--monitor-interval", "50ms"}, "at least 100ms"),
        Arguments.of(
            new String[] {"prod-episode", "x", "--memory-limit", "lots"}, "bad size \"lots\""),
        Arguments.of(
            new String[] {"prod-episode", "x", "--stall-timeout", "0s"},
            "must be greater than zero"),
        Arguments.of(new String[] {"prod-episode", "x", "--max-attempts", "0"}, "from 1 to 20"),
        Arguments.of(
            new String[] {"prod-episode", "x", "--max-attempts", "three"},
            "max attempts \"three\""),
        Arguments.of(
            new String[] {"prod-episode", "x", "--retry-delay", "later"}, "bad duration \"later\""),
        Arguments.of(new String[] {"run"}, "CMD"),
        Arguments.of(
            new String[] {"run", "--profile", "nope", "--", "true"}, "unknown profile \"nope\""));
  }

  @ParameterizedTest
  @MethodSource("badInputs")
  void isExitTwoWithOneLineAndNothingCreated(String[] args, String named) throws IOException {
    CliRun r = new CliHarness(dir).run(args);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr().lines().count()).as(r.stderr()).isEqualTo(1);
    assertThat(r.stderr()).startsWith("prod-bridge: ").contains(named);
    assertThat(r.json().get("error_type").asText()).isEqualTo("USAGE_ERROR");
    assertThat(r.json().get("error_message").asText()).contains(named);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).as("nothing created").isEmpty();
    }
  }

  static Stream<HostileInputs.Case> hostileInputs() {
    return HostileInputs.all().stream();
  }

  @Test
  void theHostileSuiteHasOver300Cases() {
    assertThat(HostileInputs.all())
        .as("the README's \"over 300 such inputs\"")
        .hasSizeGreaterThan(300);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileInputs")
  void aHostileInputIsExitTwoWithOneLineNoTraceAndNothingCreated(HostileInputs.Case c)
      throws IOException {
    for (var f : c.files().entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }
    List<Path> before = tree();
    CliHarness harness = new CliHarness(dir);
    c.env().forEach(harness::with);
    CliRun r = harness.run(c.args().toArray(String[]::new));
    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(2);
    assertThat(r.stderr().lines().count()).as(r.stderr()).isEqualTo(1);
    assertThat(r.stderr())
        .startsWith("prod-bridge: ")
        .contains(c.named())
        .doesNotContain("\tat ", "Exception");
    assertThat(r.json().get("error_type").asText()).isEqualTo("USAGE_ERROR");
    assertThat(tree()).as("nothing created").isEqualTo(before);
  }

  private List<Path> tree() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.sorted().toList();
    }
  }

  @Test
  void aConfigFileThatDoesNotParseIsNamedWithLineAndColumn() throws IOException {
    Path config = dir.resolve("prod-bridge.json");
    Files.writeString(config, "{\n  \"profiles\": {\n    \"prod-episode\": {\"budget\": }\n}");
    CliRun r = new CliHarness(dir).run("prod-episode", "x");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).startsWith("prod-bridge: " + config + ":3:").contains("not valid JSON");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).containsExactly(config);
    }
  }

  static Stream<Arguments> badRules() {
    return Stream.of(
        Arguments.of(
            "{\"error_rules\": [{\"name\": \"x\", \"error_type\": \"RATE\", \"pattern\": \"429\"}]}",
            ":1:46: error_rules[0].error_type: unknown error type \"RATE\""),
        Arguments.of(
            "{\"error_rules\": [\n {\"name\": \"x\", \"error_type\": \"RATE_LIMITED\", \"pattern\": \"(429\"}]}",
            ":2:57: error_rules[0].pattern: not a valid regular expression: Unclosed group"),
        Arguments.of(
            "{\"error_rules\": [{\"name\": \"x\", \"error_type\": \"RATE_LIMITED\"}]}",
            "error_rules[0] (x): a rule needs a \"pattern\", \"exit_codes\" or \"signals\""),
        Arguments.of(
            "{\"error_rules\": [{\"error_type\": \"RATE_LIMITED\", \"exit_codes\": [3]}]}",
            "error_rules[0]: a rule needs a \"name\""),
        Arguments.of(
            "{\"error_rules\": [{\"name\": \"x\", \"error_type\": \"CANCELLED\", \"signals\": [\"SIGNOPE\"]}]}",
            "error_rules[0].signals[0]: unknown signal \"SIGNOPE\""),
        Arguments.of(
            "{\"error_rules\": [{\"name\": \"x\", \"error_type\": \"CANCELLED\", \"exit_codes\": [0]}]}",
            "error_rules[0].exit_codes[0]: expected an exit code from 1 to 255"),
        Arguments.of(
            "{\"error_rules\": [{\"name\": \"x\", \"error_type\": \"CANCELLED\", \"exit_codes\": [3], \"when\": 1}]}",
            "unknown key \"when\""),
        Arguments.of(
            "{\"error_rules\": [{\"name\": \"x\", \"error_type\": \"CANCELLED\", \"exit_codes\": [3]},"
                + " {\"name\": \"x\", \"error_type\": \"CANCELLED\", \"exit_codes\": [4]}]}",
            "error_rules[1]: a second rule named \"x\""));
  }

  @ParameterizedTest
  @MethodSource("badRules")
  void aBadErrorRuleIsNamedAndNothingRuns(String config, String named) throws IOException {
    Path file = dir.resolve("prod-bridge.json");
    Files.writeString(file, config);
    CliRun r = new CliHarness(dir).run("run", "--", "true");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr().lines().count()).as(r.stderr()).isEqualTo(1);
    assertThat(r.stderr()).startsWith("prod-bridge: " + file).contains(named);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).containsExactly(file);
    }
  }

  @Test
  void onATerminalTheErrorIsOnlyOnStderr() {
    CliRun r = new CliHarness(dir).runOnTerminal("prod-episode");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stdout()).isEmpty();
    CliRun json = new CliHarness(dir).runOnTerminal("prod-episode", "--format", "json");
    assertThat(json.json().get("exit_code").asInt()).isEqualTo(2);
  }
}
