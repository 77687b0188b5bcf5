package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.Bridge;
import prodbridge.testing.CliRun;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * {@code report} from the command line, reports that appear when a batch ends (named by its summary
 * and by batch-status), bad input, and the charting library kept off the start-up path of the other
 * commands.
 */
@ExtendWith(NoLeftoverProcesses.class)
class ReportCommandTest {
  @TempDir Path dir;

  @Test
  void aFinishedBatchWritesItsReportAndItsSummaryNamesIt() throws Exception {
    BatchFixture fx = new BatchFixture(dir);
    Path config = fx.config(0.1, "");
    Files.write(
        dir.resolve("season.txt"),
        List.of("Why do we dream?", "How bees decide", "The first maps (fail)"));

    CliRun run =
        new CliHarness(dir)
            .run(
                "batch",
                "season.txt",
                "--parallel",
                "2",
                "--config",
                config.toString(),
                "--batch-dir",
                "b");

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(3);
    Path html = dir.resolve("b/report.html").toAbsolutePath();
    Path png = dir.resolve("b/report.png").toAbsolutePath();
    assertThat(html).isRegularFile();
    assertThat(png).isRegularFile();
    assertThat(Files.readString(html))
        .contains("data-jobs=\"3\"", "id=\"count-error\">1<", "id=\"total-cost\">$0.80<");
    JsonNode s = run.json();
    assertThat(s.get("report").asText()).isEqualTo(html.toString());
    assertThat(s.get("report_chart").asText()).isEqualTo(png.toString());
    assertThat(Bridge.json(Files.readString(dir.resolve("b/summary.json"))).get("report").asText())
        .isEqualTo(html.toString());
    assertThat(new CliHarness(dir).run("batch-status", "b").json().get("report_chart").asText())
        .isEqualTo(png.toString());
    assertThat(new CliHarness(dir).run("batch-status", "b", "--format", "text").stdout())
        .contains("report " + html + " · chart " + png);
  }

  @Test
  void reportsABatchOrARunAndSaysWhere() throws Exception {
    Path batch = copyFixture("batch-season");
    CliRun run = new CliHarness(dir).run("report", batch.toString(), "--out", "season.html");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    JsonNode out = run.json();
    assertThat(out.get("report").asText()).isEqualTo("batch");
    assertThat(out.get("html").asText()).isEqualTo(dir.resolve("season.html").toString());
    assertThat(out.get("png").asText()).isEqualTo(dir.resolve("season.png").toString());
    assertThat(out.get("jobs").asInt()).isEqualTo(8);
    assertThat(out.get("total_cost").asDouble()).isEqualTo(3.35);
    assertThat(dir.resolve("season.png")).isRegularFile();

    Path runDir = copyFixture("run-budget").resolve("20261203-143728-episode-0bde70");
    CliRun text = new CliHarness(dir).run("report", runDir.toString(), "--format", "text");
    assertThat(text.exitCode()).as(text.stderr()).isZero();
    assertThat(text.stdout())
        .isEqualTo(
            "run report "
                + runDir.resolve("report.html")
                + "\nchart "
                + runDir.resolve("report.png")
                + "\n");

    Path runsRoot = Files.createDirectories(dir.resolve("root"));
    copyDir(runDir, runsRoot.resolve(runDir.getFileName()));
    CliRun byId =
        new CliHarness(dir)
            .with("PROD_BRIDGE_RUNS", runsRoot.toString())
            .run("report", "20261203-143728-episode-0bde70");
    assertThat(byId.exitCode()).as(byId.stderr()).isZero();
    assertThat(byId.json().get("status").asText()).isEqualTo("error");
    assertThat(runsRoot.resolve("20261203-143728-episode-0bde70/report.png")).isRegularFile();
  }

  @Test
  void badInputIsExitTwoWithOneLineAndNothingWritten() throws Exception {
    Path batch = copyFixture("batch-season");
    List<Path> before = listing();
    for (String[] args :
        List.of(
            new String[] {"report", "no/such/dir"},
            new String[] {"report", "20990101-000000-episode-abcdef"},
            new String[] {"report", batch.toString(), "--out", "missing/dir/report.html"},
            new String[] {"report", batch.toString(), "--out", dir.toString()})) {
      CliRun run =
          new CliHarness(dir).with("PROD_BRIDGE_RUNS", dir.resolve("root").toString()).run(args);
      assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.stderr()).isEqualTo(2);
      assertThat(run.stderr().strip().lines()).as(run.stderr()).hasSize(1);
      assertThat(listing()).as("files after " + String.join(" ", args)).isEqualTo(before);
    }
  }

  /**
   * AWT and the charting library load only when a report is drawn, never for the other commands.
   */
  @Test
  void otherCommandsDoNotLoadTheChartingLibrary() throws Exception {
    Path log = dir.resolve("classes.log");
    ProcessBuilder pb = Bridge.command(dir, "runs");
    pb.command().add(1, "-Xlog:class+load:file=" + log);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    assertThat(pb.start().waitFor()).isZero();
    List<String> loaded = Files.readAllLines(log);
    assertThat(loaded).anyMatch(l -> l.contains("prodbridge.cli.ReportCommand"));
    assertThat(loaded)
        .noneMatch(
            l ->
                l.contains("org.jfree")
                    || l.contains("java.awt.")
                    || l.contains("sun.awt.")
                    || l.contains("prodbridge.report.Reports")
                    || l.contains("prodbridge.cli.ReportRun"));
  }

  private Path copyFixture(String name) throws Exception {
    Path from = Path.of(getClass().getResource("/report/" + name).toURI());
    Path to = dir.resolve("fixtures").resolve(name);
    copyDir(from, to);
    return to;
  }

  private static void copyDir(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  private List<Path> listing() throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.sorted().toList();
    }
  }
}
