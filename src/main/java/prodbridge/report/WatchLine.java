package prodbridge.report;

import java.util.Locale;
import prodbridge.runs.RunResult;
import prodbridge.runs.RunState;

/**
 * One short line per thing worth telling while a run goes on (a new stage or attempt, cost crossing
 * another tenth of the budget), and one last line with the outcome: what {@code watch} prints, for
 * the Monitor tool and terminals.
 */
public final class WatchLine {
  /** Cost is told again once it has grown by this share of the budget. */
  static final double COST_STEP = 0.10;

  private WatchLine() {}

  /**
   * The line telling what changed from {@code before} (null: nothing told yet) to {@code now}, or
   * null.
   */
  public static String change(RunState before, RunState now) {
    if (now == null) {
      return null;
    }
    String who = now.command() + " " + now.runId();
    if (before == null) {
      return who
          + ": started"
          + (now.topic() == null ? "" : " \"" + now.topic() + "\"")
          + " · budget "
          + ResultView.money(now.budget());
    }
    if (now.attempt() > before.attempt() && now.attempt() > 1) {
      return who + ": attempt " + now.attempt() + cost(now);
    }
    if (now.stage() != null && !now.stage().equals(before.stage())) {
      return who + ": stage " + now.stage() + cost(now);
    }
    if (now.cost() != null
        && now.budget() > 0
        && step(now.cost(), now.budget())
            > step(before.cost() == null ? 0 : before.cost(), now.budget())) {
      return who
          + ": cost "
          + ResultView.money(now.cost())
          + " of "
          + ResultView.money(now.budget());
    }
    return null;
  }

  /** The last line: outcome, cost, quality and files, or the error type and hint. */
  public static String end(RunResult r) {
    StringBuilder sb = new StringBuilder(r.command()).append(' ').append(r.runId()).append(": ");
    sb.append(
        switch (r.status()) {
          case SUCCESS -> "succeeded";
          case CANCELLED -> "cancelled";
          case LOST -> "lost";
          case ERROR -> "failed";
        });
    sb.append(" · cost ")
        .append(r.finalCost() == null ? "unknown" : ResultView.money(r.finalCost()))
        .append(" of ")
        .append(ResultView.money(r.budget()));
    if (r.qualityScore() != null) {
      sb.append(
          String.format(
              Locale.ROOT,
              " · quality %.1f/10 (threshold %.1f)",
              r.qualityScore(),
              r.qualityThreshold()));
    }
    int files = r.outputFiles().size() + r.outputFilesOmitted();
    sb.append(" · ").append(files).append(files == 1 ? " file" : " files");
    if (!r.succeeded()) {
      sb.append(" · error ").append(r.errorType()).append(" · hint: ").append(r.hint());
    }
    return sb.toString();
  }

  private static String cost(RunState s) {
    return s.cost() == null
        ? ""
        : " · " + ResultView.money(s.cost()) + " of " + ResultView.money(s.budget());
  }

  private static long step(double cost, double budget) {
    return (long) Math.floor(cost / (budget * COST_STEP));
  }
}
