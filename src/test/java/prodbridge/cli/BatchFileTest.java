package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import prodbridge.testing.CliRun;

/**
 * Bad batch files get exit 2 and one line naming the file and line, and leave nothing on disk; good
 * ones plan.
 */
class BatchFileTest {
  @TempDir Path dir;

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of(
            "unterminated.csv",
            "topic,budget\nDreams,1\n\"Tides, and the moon,2\nSleep,1\n",
            ":3: unterminated quote"),
        Arguments.of(
            "bom.csv", "\uFEFFtopic\nDreams\n", ":1: the file starts with a UTF-8 byte order mark"),
        Arguments.of(
            "no-topic.csv", "title,budget\nDreams,1\n", ":1: the header has no topic column"),
        Arguments.of(
            "duplicate-ids.csv",
            "topic,episode_id\nDreams,ep_one\nTides,ep_two\nSleep,ep_one\n",
            ":4: job id ep_one is also the job on line 2"),
        Arguments.of("duplicate-rows.txt", "Dreams\n\nTides\nDreams\n", ":4: job id"),
        Arguments.of("empty.csv", "", ":1: the batch file is empty"),
        Arguments.of("header-only.csv", "topic\n", ":1: no jobs in the batch file"),
        Arguments.of(
            "bad-budget.csv", "topic,budget\nDreams,cheap\n", ":2: budget \"cheap\": not a number"),
        Arguments.of(
            "unknown-column.csv", "topic,budgte\nDreams,1\n", ":1: unknown column \"budgte\""),
        Arguments.of(
            "short-row.csv",
            "topic,budget\nDreams,1\nTides\n",
            ":3: 1 fields where the header has 2"),
        Arguments.of(
            "broken.jsonl",
            "{\"topic\": \"Dreams\"}\n{\"topic\": \"Tides\"\n",
            ":2: not a JSON object"),
        Arguments.of(
            "unknown-key.jsonl",
            "{\"topic\": \"Dreams\", \"budjet\": 1}\n",
            ":1: unknown key \"budjet\""),
        Arguments.of(
            "bad-command.csv",
            "topic,command\nDreams,prod-podcast\n",
            ":2: command: \"prod-podcast\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void aBadBatchFileIsAUsageErrorNamingTheLineAndChangesNothing(
      String name, String content, String expected) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    CliRun run = new CliHarness(dir).run("batch", name);

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
    assertThat(run.stderr().strip().lines()).hasSize(1);
    assertThat(run.stderr()).contains(file + expected);
    assertThat(run.json().get("error_type").asText()).isEqualTo("USAGE_ERROR");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly(name);
    }
  }

  @Test
  void aDryRunPlansEveryFormatAndCreatesNothing() throws Exception {
    Files.writeString(
        dir.resolve("season.csv"),
        "topic,episode_id,budget,quality_threshold\n\"Why, oh why\",ep_why,1.50,7\n\"A topic\nover two lines\",,,\n");
    CliRun csv =
        new CliHarness(dir).run("batch", "season.csv", "--dry-run", "--total-budget", "10");
    assertThat(csv.exitCode()).as(csv.stderr()).isZero();
    JsonNode plan = csv.json();
    assertThat(plan.get("jobs").asInt()).isEqualTo(2);
    assertThat(plan.get("worst_case_cost").asDouble()).isEqualTo(1.50 + 5.51);
    JsonNode first = plan.get("jobs_to_run").get(0);
    assertThat(first.get("job_id").asText()).isEqualTo("ep_why");
    assertThat(first.get("topic").asText()).isEqualTo("Why, oh why");
    JsonNode second = plan.get("jobs_to_run").get(1);
    assertThat(second.get("line").asInt()).isEqualTo(3);
    assertThat(second.get("topic").asText()).isEqualTo("A topic\nover two lines");
    assertThat(second.get("episode_id").asText()).isEqualTo("ep_" + second.get("job_id").asText());
    assertThat(plan.get("first_job_argv").toString()).contains("Why, oh why", "1.50", "ep_why");

    Files.writeString(
        dir.resolve("season.jsonl"), "{\"topic\": \"Dreams\", \"command\": \"prod-research\"}\n");
    JsonNode jsonl = new CliHarness(dir).run("batch", "season.jsonl", "--dry-run").json();
    assertThat(jsonl.get("jobs_to_run").get(0).get("command").asText()).isEqualTo("prod-research");
    assertThat(jsonl.get("worst_case_cost").asDouble()).isEqualTo(2.00);

    Files.writeString(dir.resolve("season.txt"), "# season two\nDreams\n\nTides\n");
    JsonNode text =
        new CliHarness(dir)
            .run("batch", "season.txt", "--dry-run", "--command", "prod-script")
            .json();
    assertThat(text.get("jobs").asInt()).isEqualTo(2);
    assertThat(text.get("jobs_to_run").get(1).get("line").asInt()).isEqualTo(4);

    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("season.csv", "season.jsonl", "season.txt");
    }
  }

  @Test
  void theSameRowGetsTheSameJobIdInEveryFormat() throws Exception {
    Files.writeString(dir.resolve("a.csv"), "topic\nDreams\n");
    Files.writeString(dir.resolve("b.txt"), "Dreams\n");
    String a =
        new CliHarness(dir)
            .run("batch", "a.csv", "--dry-run")
            .json()
            .get("jobs_to_run")
            .get(0)
            .get("job_id")
            .asText();
    String b =
        new CliHarness(dir)
            .run("batch", "b.txt", "--dry-run")
            .json()
            .get("jobs_to_run")
            .get(0)
            .get("job_id")
            .asText();
    assertThat(a).isEqualTo(b).matches("[0-9a-f]{12}");
  }
}
