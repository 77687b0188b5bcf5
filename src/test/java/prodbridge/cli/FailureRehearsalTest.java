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

/** The reference pipeline's rehearsed failures, each supervised for real. */
@ExtendWith(NoLeftoverProcesses.class)
class FailureRehearsalTest {
  @TempDir Path dir;

  private CliRun episode(String simulate, String... extra) {
    String[] args = new String[3 + extra.length];
    args[0] = "prod-episode";
    args[1] = "Rehearsal topic";
    args[2] = "--grace=1s";
    System.arraycopy(extra, 0, args, 3, extra.length);
    return new CliHarness(dir).with("REFERENCE_PIPELINE_SIMULATE", simulate).run(args);
  }

  @Test
  void aHangIsEndedAtTheDeadline() {
    long t0 = System.nanoTime();
    CliRun run = episode("hang", "--timeout", "3s", "--max-attempts", "1");
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(run.exitCode()).isEqualTo(11);
    JsonNode r = run.json();
    assertThat(r.get("error_type").asText()).isEqualTo("TIMEOUT_ERROR");
    assertThat(r.get("error_message").asText()).startsWith("timed out after 3s");
    assertThat(r.get("processes_ended").get("sigterm").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(millis).isBetween(3000L, 7000L);
  }

  @Test
  void anOrphanedGrandchildHoldingStdoutIsEndedAndTheRunStillSucceeds() {
    long t0 = System.nanoTime();
    CliRun run = episode("orphan");
    long millis = (System.nanoTime() - t0) / 1_000_000;
    JsonNode r = run.json();
    assertThat(r.get("status").asText()).as(run.stdout()).isEqualTo("success");
    assertThat(r.get("processes_ended").get("sigterm").asInt())
        .as("the sleep grandchild")
        .isEqualTo(1);
    assertThat(millis).as("no wait on the open pipe").isLessThan(8000);
  }

  @Test
  void aFloodOfOutputStaysInTheLogAndTheResultStaysSmall() throws Exception {
    CliRun run = episode("output-flood");
    JsonNode r = run.json();
    assertThat(r.get("status").asText()).isEqualTo("success");
    assertThat(run.stdout().length()).isLessThan(8 * 1024);
    assertThat(Files.size(Path.of(r.get("logs").get("stdout").asText())))
        .isGreaterThan(200L * 1024 * 1024);
    assertThat(r.get("final_cost").asDouble())
        .as("the result after the flood is still found")
        .isPositive();
  }

  @Test
  void aCrashIsAnExecutionErrorWithTheExceptionInTheStderrTail() {
    CliRun run = episode("crash");
    assertThat(run.exitCode()).isEqualTo(10);
    JsonNode r = run.json();
    assertThat(r.get("error_type").asText()).isEqualTo("EXECUTION_ERROR");
    assertThat(r.get("stderr_tail").asText()).contains("simulated crash");
    assertThat(r.get("error_message").asText())
        .as("the exception, not a stack frame")
        .isEqualTo(
            "the pipeline exited with code 1: java.lang.IllegalStateException: simulated crash: segment writer lost its"
                + " state");
    assertThat(r.get("stderr_tail").asText().length()).isLessThanOrEqualTo(2048);
    assertThat(r.get("final_cost").asDouble())
        .as("no result was printed: the cost seen in its events")
        .isPositive();
  }

  @Test
  void memoryGrowthEndsInTheChildsOwnOutOfMemoryError() {
    CliRun run = episode("memory-growth");
    assertThat(run.exitCode()).as(run.stdout()).isEqualTo(13);
    JsonNode r = run.json();
    assertThat(r.get("status").asText()).isEqualTo("error");
    assertThat(r.get("error_type").asText())
        .as("the child's own OutOfMemoryError is a memory class")
        .isEqualTo("MEMORY_ERROR");
    assertThat(r.get("error_message").asText())
        .isEqualTo("the pipeline exited with code 1: java.lang.OutOfMemoryError: Java heap space");
    assertThat(r.get("attempts")).as("memory errors are not retried by default").hasSize(1);
    assertThat(r.get("stderr_tail").asText()).contains("OutOfMemoryError");
  }

  @Test
  void thePipelineStoppingAtItsBudgetReportsWhatItSpent() {
    CliRun run = episode("budget-exceeded");
    assertThat(run.exitCode()).isNotZero();
    JsonNode r = run.json();
    assertThat(r.get("status").asText()).isEqualTo("error");
    assertThat(r.get("error_type").asText())
        .as("the pipeline said it stopped for its budget")
        .isEqualTo("BUDGET_EXCEEDED");
    assertThat(r.get("error_message").asText()).contains("Budget exceeded");
    assertThat(r.get("final_cost").asDouble()).isGreaterThan(5.51);
  }

  @Test
  void aProviderErrorKeepsItsEvidenceInTheStderrTail() {
    CliRun run = episode("auth-error");
    assertThat(run.exitCode()).as(run.stdout()).isEqualTo(18);
    JsonNode r = run.json();
    assertThat(r.get("status").asText()).isEqualTo("error");
    assertThat(r.get("error_type").asText())
        .as("a 401 from the provider is an auth class")
        .isEqualTo("API_AUTH_ERROR");
    assertThat(r.get("error_message").asText())
        .startsWith(
            "the pipeline exited with code 1: anthropic.AuthenticationError: Error code: 401");
    assertThat(r.get("hint").asText()).contains("ANTHROPIC_API_KEY");
    assertThat(r.get("attempts")).as("auth errors are not retried by default").hasSize(1);
    assertThat(r.get("exit_code").asInt()).isEqualTo(1);
    assertThat(r.get("stderr_tail").asText()).contains("401");
  }
}
