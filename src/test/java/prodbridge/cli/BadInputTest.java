package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import prodbridge.testing.CliRun;
import prodbridge.testing.NoLeftoverProcesses;

/** Bad input: exit 2, one line on stderr naming the problem, an error object on stdout, nothing on disk. */
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
        Arguments.of(new String[] {"prod-episode", "x", "--timeout", "0s"}, "must be greater than zero"),
        Arguments.of(new String[] {"prod-episode", "x", "--grace", "soon"}, "bad duration \"soon\""),
        Arguments.of(new String[] {"prod-episode", "x", "--episode-id", "../../etc"}, "--episode-id"),
        Arguments.of(new String[] {"prod-episode", "x", "--episode-id", "a/b"}, "--episode-id"),
        Arguments.of(new String[] {"prod-episode", "x", "--budget", "0"}, "must be greater than zero"),
        Arguments.of(new String[] {"prod-episode", "x", "--budget", "-1"}, "must be greater than zero"),
        Arguments.of(new String[] {"prod-episode", "x", "--budget", "cheap"}, "not a number"),
        Arguments.of(new String[] {"prod-episode", "x", "--quality-threshold", "12"}, "between 0 and 10"),
        Arguments.of(new String[] {"prod-episode", "x", "--format", "yaml"}, "--format"),
        Arguments.of(new String[] {"prod-episode", "x", "--config", "missing.json"}, "missing.json: no such file"),
        Arguments.of(new String[] {"prod-episode", "x", "--monitor-interval", "50ms"}, "at least 100ms"),
        Arguments.of(new String[] {"prod-episode", "x", "--memory-limit", "lots"}, "bad size \"lots\""),
        Arguments.of(new String[] {"prod-episode", "x", "--stall-timeout", "0s"}, "must be greater than zero"),
        Arguments.of(new String[] {"run"}, "CMD"),
        Arguments.of(new String[] {"run", "--profile", "nope", "--", "true"}, "unknown profile \"nope\""));
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

  @Test
  void onATerminalTheErrorIsOnlyOnStderr() {
    CliRun r = new CliHarness(dir).runOnTerminal("prod-episode");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stdout()).isEmpty();
    CliRun json = new CliHarness(dir).runOnTerminal("prod-episode", "--format", "json");
    assertThat(json.json().get("exit_code").asInt()).isEqualTo(2);
  }
}
