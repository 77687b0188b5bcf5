package prodbridge.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import prodbridge.batch.BatchJob;
import prodbridge.batch.BatchPlan;
import prodbridge.batch.BatchSummary;

/** A batch's plan and summary as text for a terminal: a few lines and a table. */
public final class BatchView {
  private BatchView() {}

  public static String summary(BatchSummary s) {
    StringBuilder b = new StringBuilder();
    b.append("batch ")
        .append(s.batchDir())
        .append(": ")
        .append(s.state())
        .append(" · ")
        .append(s.counts().getOrDefault("success", 0))
        .append(" of ")
        .append(s.jobs())
        .append(" succeeded · ")
        .append(money(s.totalCost()));
    if (s.totalBudget() != null) {
      b.append(" of ").append(money(s.totalBudget()));
    }
    if (s.wallTimeSeconds() != null) {
      long t = Math.round(s.wallTimeSeconds());
      b.append(String.format(Locale.ROOT, " · %dm %02ds", t / 60, t % 60));
    }
    b.append('\n').append("  ").append(nonZero(s.counts()));
    if (!s.byErrorType().isEmpty()) {
      b.append('\n').append("  failures: ").append(nonZero(s.byErrorType()));
    }
    for (BatchSummary.NotDone n : s.notDone()) {
      b.append('\n')
          .append("  #")
          .append(n.seq())
          .append(' ')
          .append(TerminalText.safe(n.jobId()))
          .append(" · ")
          .append(n.status());
      if (n.errorType() != null) {
        b.append(" · ").append(n.errorType());
      }
      b.append(" · \"").append(TerminalText.safe(n.topic())).append('"');
      if (n.message() != null) {
        b.append('\n').append("      ").append(TerminalText.safe(n.message()));
      }
      if (n.hint() != null && (n.message() == null || !n.message().contains(n.hint()))) {
        b.append('\n').append("      hint: ").append(TerminalText.safe(n.hint()));
      }
      if (n.runId() != null) {
        b.append('\n')
            .append("      run ")
            .append(n.runId())
            .append(" (prod-bridge logs ")
            .append(n.runId())
            .append(" --stderr)");
      }
    }
    if (s.notDoneOmitted() > 0) {
      b.append('\n').append("  … and ").append(s.notDoneOmitted()).append(" more in the journal");
    }
    b.append('\n').append("journal ").append(s.journal()).append(" · joblog ").append(s.joblog());
    if (s.report() != null) {
      b.append('\n').append("report ").append(s.report());
      if (s.reportChart() != null) {
        b.append(" · chart ").append(s.reportChart());
      }
    }
    if (!s.allSucceeded()) {
      b.append('\n').append("resume: ").append(s.resume());
    }
    return b.toString();
  }

  public static String plan(BatchPlan p, List<String> exampleArgv, List<String> sbatch) {
    StringBuilder b = new StringBuilder();
    b.append("batch ")
        .append(p.dir().path())
        .append(" (")
        .append(p.manifest().executor())
        .append(", ")
        .append(p.manifest().parallel())
        .append(" at once)\n");
    b.append("  ")
        .append(p.manifest().jobs().size())
        .append(" jobs in ")
        .append(p.manifest().inputFile())
        .append("; ")
        .append(p.toRun().size())
        .append(" to run, ")
        .append(p.alreadyDone())
        .append(" already done\n");
    b.append("  worst case ").append(money(p.worstCaseCost()));
    if (p.manifest().totalBudget() != null) {
      b.append(", total budget ").append(money(p.manifest().totalBudget()));
    }
    b.append('\n');
    for (BatchJob j : p.toRun()) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %4d  %-24s %-14s %8s  %s%n",
              j.seq(),
              j.jobId(),
              j.command(),
              money(j.budget()),
              TerminalText.safe(j.topic())));
    }
    if (exampleArgv != null) {
      b.append("  first job's argv: ").append(String.join(" ", exampleArgv)).append('\n');
    }
    if (sbatch != null) {
      b.append("  slurm: ").append(String.join(" ", sbatch)).append('\n');
    }
    return b.toString().stripTrailing();
  }

  private static String nonZero(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(" · "));
  }

  private static String money(double usd) {
    return String.format(Locale.ROOT, "$%.2f", usd);
  }
}
