package prodbridge.cli;

import java.util.Locale;
import prodbridge.batch.BatchProgress;

/**
 * A batch's progress bar on a terminal's stderr: done, failed, skipped, running, cost against the
 * total budget, ETA. The bar itself shrinks (and then goes) before the figures are cut, so the line
 * fits any width.
 */
final class BatchProgressBar implements BatchProgress.Listener {
  private static final int WIDTH = 24;
  private static final int NARROWEST_BAR = 6;
  private final LiveLine line;
  private final java.util.function.IntSupplier columns;

  BatchProgressBar(LiveLine line, java.util.function.IntSupplier columns) {
    this.line = line;
    this.columns = columns;
  }

  @Override
  public void update(BatchProgress p) {
    line.draw(render(p, columns.getAsInt()));
  }

  void clear() {
    line.clear();
  }

  static String render(BatchProgress p) {
    return render(p, Integer.MAX_VALUE);
  }

  /** The line for a terminal {@code columns} wide. */
  static String render(BatchProgress p, int columns) {
    String figures = figures(p);
    int room =
        columns == Integer.MAX_VALUE ? WIDTH : Math.min(WIDTH, columns - 1 - figures.length() - 3);
    if (room < NARROWEST_BAR) {
      return figures;
    }
    int filled = p.jobs() == 0 ? room : p.done() * room / p.jobs();
    return "[" + "#".repeat(filled) + ".".repeat(room - filled) + "] " + figures;
  }

  private static String figures(BatchProgress p) {
    StringBuilder b = new StringBuilder().append(p.done()).append('/').append(p.jobs());
    b.append(" · ").append(p.succeeded()).append(" ok · ").append(p.failed()).append(" failed");
    if (p.skipped() > 0) {
      b.append(" · ").append(p.skipped()).append(" skipped");
    }
    b.append(" · ").append(p.running()).append(" running");
    b.append(String.format(Locale.ROOT, " · $%.2f", p.cost()));
    if (p.totalBudget() != null) {
      b.append(String.format(Locale.ROOT, " of $%.2f", p.totalBudget()));
    }
    if (p.etaSeconds() != null) {
      b.append(
          String.format(Locale.ROOT, " · ETA %d:%02d", p.etaSeconds() / 60, p.etaSeconds() % 60));
    }
    if (p.heldBack() != null) {
      b.append(" · waiting for ").append(p.heldBack());
    }
    return b.toString();
  }
}
