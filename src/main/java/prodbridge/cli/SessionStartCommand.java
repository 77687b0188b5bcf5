package prodbridge.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import prodbridge.report.WatchLine;
import prodbridge.runs.RunSession;
import prodbridge.runs.RunStore;

@Command(
    mixinStandardHelpOptions = true,
    name = "session-start",
    description =
        "For Claude Code's SessionStart hook: a few lines on the runs started from Claude Code that ended"
            + " while no session was watching (then they count as seen); nothing when there are none. Always exits 0.")
final class SessionStartCommand implements Callable<Integer> {
  /** How many recent runs are looked at, and how many are told at most. */
  static final int LOOK_AT = 50;

  static final int TELL = 5;

  @Mixin StoreOptions options;

  private final Context context;

  SessionStartCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try {
      RunStore store = options.store(context);
      List<RunSession.Unseen> unseen = RunSession.unseen(store, LOOK_AT);
      if (unseen.isEmpty()) {
        return ExitCode.OK.code();
      }
      StringBuilder sb =
          new StringBuilder("prod-bridge: ")
              .append(unseen.size())
              .append(unseen.size() == 1 ? " run" : " runs")
              .append(" ended while no Claude Code session was watching:\n");
      unseen.stream()
          .limit(TELL)
          .forEach(u -> sb.append("- ").append(WatchLine.end(u.result())).append('\n'));
      if (unseen.size() > TELL) {
        sb.append("- … and ").append(unseen.size() - TELL).append(" more (prod-bridge runs)\n");
      }
      sb.append("Details: prod-bridge result RUN_ID --format markdown");
      context.out().println(sb);
      unseen.forEach(u -> RunSession.markSeen(store.root().resolve(u.runId())));
    } catch (RuntimeException e) {
      context.err().println("prod-bridge: session-start: " + e.getMessage());
    }
    return ExitCode.OK.code();
  }
}
