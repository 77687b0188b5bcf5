package prodbridge.cli;

import java.io.PrintWriter;
import java.util.Locale;
import prodbridge.batch.BatchProgress;

/** A batch's progress bar on a terminal's stderr: done, failed, running, cost against the total budget, ETA. */
final class BatchProgressBar implements BatchProgress.Listener {
  private static final String CLEAR = "\r\033[K";
  private static final int WIDTH = 24;
  private final PrintWriter err;
  private String last = "";

  BatchProgressBar(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void update(BatchProgress p) {
    String line = render(p);
    if (!line.equals(last)) {
      err.print(CLEAR + line);
      err.flush();
      last = line;
    }
  }

  void clear() {
    err.print(CLEAR);
    err.flush();
  }

  static String render(BatchProgress p) {
    int filled = p.jobs() == 0 ? WIDTH : p.done() * WIDTH / p.jobs();
    StringBuilder b = new StringBuilder("[").append("#".repeat(filled)).append(".".repeat(WIDTH - filled))
        .append("] ").append(p.done()).append('/').append(p.jobs());
    b.append(" · ").append(p.succeeded()).append(" ok · ").append(p.failed()).append(" failed · ")
        .append(p.running()).append(" running");
    b.append(String.format(Locale.ROOT, " · $%.2f", p.cost()));
    if (p.totalBudget() != null) {
      b.append(String.format(Locale.ROOT, " of $%.2f", p.totalBudget()));
    }
    if (p.etaSeconds() != null) {
      b.append(String.format(Locale.ROOT, " · ETA %d:%02d", p.etaSeconds() / 60, p.etaSeconds() % 60));
    }
    if (p.heldBack() != null) {
      b.append(" · waiting for ").append(p.heldBack());
    }
    return b.toString();
  }
}
