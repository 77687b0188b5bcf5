package prodbridge.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import prodbridge.runs.RunState;

/**
 * A live run's state as one progress line (stderr while waiting) or a short Markdown/text summary.
 */
public final class StateView {
  private StateView() {}

  /** "running · research 40% · $0.42 of $5.51 · 120 MB · 1m12s". */
  public static String line(RunState s) {
    StringBuilder sb = new StringBuilder(s.status());
    if (s.stage() != null) {
      sb.append(" · ").append(s.stage());
      if (s.progress() != null) {
        sb.append(' ').append(s.progress()).append('%');
      }
    }
    if (s.attempt() > 1) {
      sb.append(" · attempt ").append(s.attempt());
    }
    sb.append(" · ")
        .append(s.cost() == null ? "cost not reported yet" : ResultView.money(s.cost()))
        .append(" of ")
        .append(ResultView.money(s.budget()));
    if (s.memoryMb() != null) {
      sb.append(" · ").append(s.memoryMb()).append(" MB");
    }
    return sb.append(" · ").append(ResultView.seconds(age(s))).toString();
  }

  public static String markdown(RunState s, String launcher) {
    return "**"
        + s.command()
        + "** "
        + s.status()
        + " · run `"
        + s.runId()
        + "`"
        + (s.topic() == null ? "" : " · \"" + TerminalText.safe(s.topic()) + "\"")
        + "\n\n"
        + "- Now: "
        + line(s)
        + "\n"
        + "- Quality threshold: "
        + String.format(Locale.ROOT, "%.1f", s.qualityThreshold())
        + "\n"
        + "- Next: `"
        + launcher
        + " status "
        + s.runId()
        + " --wait 9m --format markdown` (or `"
        + launcher
        + " cancel "
        + s.runId()
        + "`)";
  }

  public static String text(RunState s) {
    return s.command()
        + ": "
        + line(s)
        + "\n  run      "
        + s.runId()
        + "\n  dir      "
        + s.runDir();
  }

  private static double age(RunState s) {
    return Math.max(0, Duration.between(s.startedAt(), Instant.now()).toMillis()) / 1000.0;
  }
}
