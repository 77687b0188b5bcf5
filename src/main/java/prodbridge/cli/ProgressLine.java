package prodbridge.cli;

import java.util.Locale;
import prodbridge.monitor.ProgressListener;
import prodbridge.monitor.Snapshot;

/**
 * The live one-line display on a terminal's stderr: stage, elapsed, cost against budget, memory,
 * files (cut to fit).
 */
final class ProgressLine implements ProgressListener {
  private final LiveLine line;
  private final String command;

  ProgressLine(LiveLine line, String command) {
    this.line = line;
    this.command = command;
  }

  @Override
  public void update(Snapshot s) {
    line.draw(render(command, s));
  }

  void clear() {
    line.clear();
  }

  static String render(String command, Snapshot s) {
    StringBuilder b = new StringBuilder(command).append(' ');
    b.append(s.stage() == null ? "running" : s.stage());
    if (s.progress() != null) {
      b.append(' ').append(s.progress()).append('%');
    }
    long secs = (long) s.elapsedSeconds();
    b.append(String.format(Locale.ROOT, " · %d:%02d", secs / 60, secs % 60));
    b.append(
        String.format(
            Locale.ROOT,
            " · %s / $%.2f",
            s.cost() == null ? "$?" : String.format(Locale.ROOT, "$%.2f", s.cost()),
            s.budget()));
    b.append(String.format(Locale.ROOT, " · %d MB", Math.round(s.memoryBytes() / 1048576.0)));
    if (s.memoryLimitBytes() != null) {
      b.append(
          String.format(Locale.ROOT, " / %d MB", Math.round(s.memoryLimitBytes() / 1048576.0)));
    }
    b.append(" · ").append(s.files()).append(s.files() == 1 ? " file" : " files");
    return b.toString();
  }
}
