package prodbridge.reference;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The embedded reference pipeline: a podcast pipeline that needs no Python and no API keys,
 * launched by the bridge as a child JVM. It honours the child contract (progress events as JSON
 * lines on stdout, the result as the last JSON object) and writes real artifacts: research notes, a
 * script, a WAV and a quality report. Exit 0 when completed, 1 on failure ({@code Error: ...} on
 * stdout), 2 on bad arguments.
 */
public final class ReferencePipeline {
  private final PipelineArgs args;
  private final PrintStream out;
  private final PrintStream err;
  private final CostLedger ledger;
  private final Events events;
  private final Pacer pacer;
  private final TopicWords words;
  private final List<Path> written = new ArrayList<>();
  private final Map<String, Double> scores = new LinkedHashMap<>();
  private final Map<String, Object> measured = new LinkedHashMap<>();

  ReferencePipeline(PipelineArgs args, PrintStream out, PrintStream err) throws IOException {
    this.args = args;
    this.out = out;
    this.err = err;
    Files.createDirectories(args.outputDir());
    double priceFactor = args.simulation() == Simulation.BUDGET_EXCEEDED ? 8 : 1;
    this.ledger = new CostLedger(args.budget(), priceFactor, args.outputDir().resolve("costs.csv"));
    this.events = new Events(out, ledger);
    this.pacer = new Pacer(events, args.pace(), StagePlan.ranges(args.stage()));
    this.words = args.topic() == null ? null : TopicWords.of(args.topic());
  }

  public static void main(String[] argv) throws Exception {
    PipelineArgs args;
    try {
      args = PipelineArgs.parse(argv, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(PipelineArgs.USAGE);
      System.err.println("ReferencePipeline: error: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(new ReferencePipeline(args, System.out, System.err).run());
  }

  int run() throws IOException {
    long t0 = System.nanoTime();
    try {
      new Rehearsal(args.simulation(), out, err, events).beforeWork();
      String topic =
          new EpisodeWork(args, ledger, pacer, words, written, scores, measured).produce();
      double overall = StagePlan.overall(scores);
      writeCostReport();
      if (ledger.total() > 0.9 * args.budget()) {
        err.printf(
            Locale.ROOT,
            "BUDGET EXCEEDED: Used $%.2f of $%.2f budget (%.1f%%)%n",
            ledger.total(),
            args.budget(),
            100 * ledger.total() / args.budget());
      }
      printResult("completed", topic, overall, null);
      out.printf(
          Locale.ROOT,
          "%s %s completed in %.1fs%n",
          args.stage().name().toLowerCase(Locale.ROOT),
          args.episodeId(),
          (System.nanoTime() - t0) / 1e9);
      return 0;
    } catch (CostLedger.BudgetExceeded | EpisodeWork.MissingInput e) {
      writeCostReport();
      out.println("Error: " + e.getMessage());
      printResult(
          "failed",
          args.topic(),
          scores.isEmpty() ? null : StagePlan.overall(scores),
          e.getMessage());
      return 1;
    }
  }

  private void printResult(String status, String topic, Double overall, String error) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("status", status);
    r.put("episode_id", args.episodeId());
    r.put("topic", topic);
    r.put("stage", args.stage().name().toLowerCase(Locale.ROOT));
    r.put("total_cost", ledger.roundedTotal());
    r.put("budget", args.budget());
    r.put("overall_quality", overall);
    r.put("quality_scores", scores);
    r.put("measurements", measured);
    r.put("output_files", written.stream().map(Path::toString).toList());
    r.put("error", error);
    try {
      out.println(Events.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r));
      out.flush();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void writeCostReport() throws IOException {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("episode_id", args.episodeId());
    report.put("total_cost", ledger.roundedTotal());
    report.put("budget_limit", args.budget());
    report.put("budget_used_percent", Math.round(1000 * ledger.total() / args.budget()) / 10.0);
    report.put("cost_by_stage", ledger.byStage());
    Path file = args.outputDir().resolve(args.episodeId() + "_cost_report.json");
    Files.writeString(
        file, Events.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    if (!written.contains(file)) {
      written.add(file);
    }
  }
}
