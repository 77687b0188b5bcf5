package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.CliRun;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * A user's error_rules come before the built-in ones: they add classes for their pipeline's own
 * words.
 */
@ExtendWith(NoLeftoverProcesses.class)
class ErrorRulesConfigTest {
  @TempDir Path dir;

  @Test
  void aUsersRuleClassifiesTheirPipelinesOwnMessageWithTheirHint() throws Exception {
    Files.writeString(
        dir.resolve("prod-bridge.json"),
        """
        {"error_rules": [{"name": "spend-guard", "error_type": "BUDGET_EXCEEDED",
          "pattern": "SpendGuard tripped in stage (?<stage>\\\\w+)",
          "hint": "The spend guard stopped {stage}; raise --budget to let it finish."}]}""");
    CliRun run =
        new CliHarness(dir)
            .run(
                "run",
                "--",
                "bash",
                "-c",
                "echo 'WARN connection reset, will retry' >&2; echo 'SpendGuard tripped in stage mix' >&2; exit 1");

    assertThat(run.exitCode()).isEqualTo(14);
    JsonNode r = run.json();
    assertThat(r.get("error_type").asText()).isEqualTo("BUDGET_EXCEEDED");
    assertThat(r.get("hint").asText())
        .isEqualTo("The spend guard stopped mix; raise --budget to let it finish.");
    assertThat(r.get("error_message").asText()).endsWith("SpendGuard tripped in stage mix");
  }

  @Test
  void aUsersRuleOutranksABuiltInOne() throws Exception {
    Files.writeString(
        dir.resolve("prod-bridge.json"),
        """
        {"error_rules": [{"name": "our-proxy-429", "error_type": "NETWORK_ERROR",
          "pattern": "proxy\\\\.internal.*429"}]}""");
    CliRun run =
        new CliHarness(dir)
            .run(
                "run",
                "--",
                "bash",
                "-c",
                "echo 'HTTPError: 429 Client Error: Too Many Requests for url: http://proxy.internal/x 429' >&2; exit 1");

    assertThat(run.json().get("error_type").asText()).isEqualTo("NETWORK_ERROR");
    CliRun config = new CliHarness(dir).run("config");
    assertThat(config.json().get("error_rules").get(0).asText())
        .isEqualTo("our-proxy-429: NETWORK_ERROR");
  }
}
