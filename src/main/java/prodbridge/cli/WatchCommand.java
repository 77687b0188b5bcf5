package prodbridge.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import prodbridge.config.UsageException;
import prodbridge.report.WatchLine;
import prodbridge.runs.RunSession;
import prodbridge.runs.RunState;
import prodbridge.runs.RunStore;
import prodbridge.runs.RunView;

@Command(
    mixinStandardHelpOptions = true,
    name = "watch",
    description =
        "Follow a run: one short line per stage, attempt or cost step on stdout, a last line with the"
            + " outcome (error type and hint on failure); exits when the run ends. For the Monitor tool and terminals.")
final class WatchCommand implements Callable<Integer> {
  static final long POLL_MILLIS = 500;

  @Parameters(
      arity = "0..1",
      paramLabel = "RUN_ID",
      description = "The run (default: the most recent).")
  String runId;

  @Option(
      names = "--all",
      description =
          "Follow every run of this runs root that is running or starts later,"
              + " until none has run for --idle (one such watcher per runs root; a second one exits at once).")
  boolean all;

  @Option(
      names = "--idle",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      description = "With --all: stop after this long with no run going (default 30m).")
  Duration idle = Duration.ofMinutes(30);

  @Mixin StoreOptions options;

  private final Context context;

  WatchCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    RunStore store = options.store(context);
    if (all) {
      if (runId != null) {
        throw new UsageException("watch: give a RUN_ID or --all, not both");
      }
      return watchAll(store);
    }
    Path dir =
        runId != null
            ? store.dirOf(runId)
            : store
                .latest()
                .orElseThrow(() -> new UsageException("watch: no runs yet in " + store.root()));
    RunState shown = null;
    while (true) {
      RunView view = store.look(dir);
      shown = tell(shown, view, dir);
      if (view.ended()) {
        return ExitCode.OK.code();
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** Prints what changed and, once the run has ended, its last line; the state now shown. */
  private RunState tell(RunState shown, RunView view, Path dir) {
    if (!view.ended() || shown == null) {
      String line = WatchLine.change(shown, view.state());
      if (line != null) {
        context.out().println(line);
        shown = view.state();
      }
    }
    if (view.ended()) {
      context.out().println(WatchLine.end(view.result()));
      RunSession.markSeen(dir);
    }
    context.out().flush();
    return shown;
  }

  private int watchAll(RunStore store) throws IOException, InterruptedException {
    Files.createDirectories(store.root());
    try (FileChannel lockFile =
            FileChannel.open(
                store.root().resolve(".watch.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = lockFile.tryLock()) {
      if (lock == null) {
        context.err().println("prod-bridge: another watch --all already follows " + store.root());
        return ExitCode.OK.code();
      }
      Set<String> done = new HashSet<>();
      store
          .recent(200)
          .forEach(
              d -> {
                if (store.look(d).ended()) {
                  done.add(d.getFileName().toString());
                }
              });
      Map<String, RunState> shown = new HashMap<>();
      long idleSince = System.nanoTime();
      while (System.nanoTime() - idleSince < idle.toNanos()) {
        for (Path dir : store.recent(20)) {
          String id = dir.getFileName().toString();
          if (done.contains(id)) {
            continue;
          }
          RunView view = store.look(dir);
          shown.put(id, tell(shown.get(id), view, dir));
          if (view.ended()) {
            done.add(id);
          } else {
            idleSince = System.nanoTime();
          }
        }
        Thread.sleep(POLL_MILLIS);
      }
      return ExitCode.OK.code();
    }
  }
}
