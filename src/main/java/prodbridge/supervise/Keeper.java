package prodbridge.supervise;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A companion that outlives the supervisor: a small shell program in its own session that holds the
 * read end of a pipe whose write end only this JVM holds. When the pipe reaches its end without the
 * word {@code done} (this JVM died, even by kill -9 or the OOM killer), it ends every process whose
 * environment carries {@code marker} (SIGTERM, the grace period, SIGKILL) and then runs {@code
 * reap} once, which records what was lost. While this JVM lives it watches the companion in turn
 * and starts a new one if it dies. {@link #close()} tells it to exit quietly.
 */
public final class Keeper implements AutoCloseable {
  /** Environment variable every keeper carries: the directory it keeps (a run's or a batch's). */
  public static final String VARIABLE = "PROD_BRIDGE_KEEPER";

  /** Set for the reap command: how many processes the keeper sent SIGTERM, then SIGKILL ("3 1"). */
  public static final String ENDED_VARIABLE = "PROD_BRIDGE_KEEPER_ENDED";

  private static final Logger log = LoggerFactory.getLogger(Keeper.class);
  private static final int MAX_RESTARTS = 20;
  private static final String BYE = "done\n";

  /**
   * $1 the marker ("NAME=value"), $2 the grace period in tenths of a second, the rest the reap
   * command.
   */
  static final String SCRIPT =
      String.join(
          "\n",
          "trap '' INT HUP",
          "marker=$1 tenths=$2; shift 2",
          "IFS= read -r said",
          "[ \"$said\" = done ] && exit 0",
          "members() { local f; for f in $(grep -lsxzF -e \"$marker\" /proc/[0-9]*/environ 2>/dev/null); do"
              + " f=${f#/proc/}; echo \"${f%/environ}\"; done; }",
          "echo \"keeper $$: supervisor gone; ending the processes marked $marker\" >&2",
          "pids=$(members); termed=0; killed=0",
          "if [ -n \"$pids\" ]; then",
          "  kill -TERM $pids 2>/dev/null; a=($pids); termed=${#a[@]}",
          // the grace period is counted in wall time (bash 5's EPOCHREALTIME), so a slow /proc pass
          // does not stretch it
          "  t=${EPOCHREALTIME/[.,]/}; end=$(( ${t:-0} / 1000 + tenths * 100 )); i=0",
          "  while :; do sleep 0.1; pids=$(members); [ -z \"$pids\" ] && break; i=$((i+1))",
          "    t=${EPOCHREALTIME/[.,]/}; if [ -n \"$t\" ]; then [ $(( t / 1000 )) -ge $end ] && break;"
              + " else [ $i -ge \"$tenths\" ] && break; fi; done",
          "  a=($pids); killed=${#a[@]}",
          "  n=0; while [ -n \"$pids\" ] && [ $n -lt 50 ]; do kill -KILL $pids 2>/dev/null; sleep 0.1; pids=$(members);"
              + " n=$((n+1)); done",
          "fi",
          // a child the supervisor was spawning as it died can exec after the sweep: look again,
          // and SIGKILL late comers
          "for late in 1 2 3; do sleep 0.3; pids=$(members); [ -z \"$pids\" ] && continue; a=($pids);"
              + " killed=$((killed + ${#a[@]})); kill -KILL $pids 2>/dev/null; done",
          "export " + ENDED_VARIABLE + "=\"$termed $killed\"",
          "[ $# -gt 0 ] && exec \"$@\" </dev/null",
          "exit 0");

  private final String marker;
  private final Duration grace;
  private final List<String> reap;
  private final Path dir;
  private final Runnable onGivenUp;
  private volatile Process process;
  private volatile boolean closing;
  private int restarts;

  private Keeper(String marker, Duration grace, List<String> reap, Path dir, Runnable onGivenUp) {
    this.marker = marker;
    this.grace = grace;
    this.reap = List.copyOf(reap);
    this.dir = dir;
    this.onGivenUp = onGivenUp;
  }

  /**
   * Starts the keeper of {@code dir} (its log is {@code dir/keeper.log}): on this JVM's death it
   * ends every process whose environment holds {@code marker} and runs {@code reap} (may be empty).
   * {@code onGivenUp} runs if the keeper keeps dying and cannot be replaced: nothing would end the
   * trees then, so the caller should stop them.
   */
  public static Keeper start(
      String marker, Duration grace, List<String> reap, Path dir, Runnable onGivenUp)
      throws IOException {
    Keeper k = new Keeper(marker, grace, reap, dir, onGivenUp);
    k.process = k.launch();
    return k;
  }

  /** The keeper's pid now (it changes when a dead keeper is replaced). */
  public long pid() {
    return process.pid();
  }

  private Process launch() throws IOException {
    List<String> argv =
        new ArrayList<>(
            List.of(
                Supervisor.SetsidLocator.path(),
                "bash",
                "-c",
                SCRIPT,
                "keeper",
                marker,
                String.valueOf(Math.max(1, grace.toMillis() / 100))));
    argv.addAll(reap);
    Path logFile = dir.resolve("keeper.log");
    if (!java.nio.file.Files.exists(logFile)) {
      java.nio.file.Files.createFile(
          logFile,
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    }
    ProcessBuilder pb =
        new ProcessBuilder(argv)
            .directory(dir.toFile())
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    Map<String, String> env = pb.environment();
    env.remove(ProcessTree.MARKER_VARIABLE);
    env.keySet().removeIf(name -> name.startsWith("PROD_BRIDGE_BATCH"));
    env.put(VARIABLE, dir.toString());
    Process p = pb.start();
    p.onExit().thenRun(this::replaceIfDead);
    log.debug("keeper {} watches this process for {}", p.pid(), marker);
    return p;
  }

  /**
   * A keeper that exits while this JVM still supervises is replaced, so nothing is ever left
   * unguarded.
   */
  private synchronized void replaceIfDead() {
    if (closing) {
      return;
    }
    if (restarts++ >= MAX_RESTARTS) {
      log.error(
          "the keeper of {} died {} times; giving up, so the supervised processes are stopped now",
          dir,
          restarts);
      onGivenUp.run();
      return;
    }
    try {
      process = launch();
      log.warn("the keeper of {} died; started keeper {}", dir, process.pid());
    } catch (IOException e) {
      log.error(
          "the keeper of {} died and cannot be started again ({}); stopping the supervised processes",
          dir,
          e.getMessage());
      onGivenUp.run();
    }
  }

  /** Tells the keeper the supervision ended normally: it exits without touching anything. */
  @Override
  public synchronized void close() {
    closing = true;
    Process p = process;
    try (OutputStream in = p.getOutputStream()) {
      in.write(BYE.getBytes(StandardCharsets.UTF_8));
    } catch (IOException gone) {
      // a keeper that is already gone has nothing to be told
    }
  }

  /**
   * What the keeper that started this process ended, from {@link #ENDED_VARIABLE}; nothing when
   * unset.
   */
  public static TreeStop endedBefore(java.util.Map<String, String> env) {
    String[] n = env.getOrDefault(ENDED_VARIABLE, "").strip().split(" ");
    try {
      return n.length == 2
          ? new TreeStop(Integer.parseInt(n[0]), Integer.parseInt(n[1]), List.of())
          : TreeStop.NOTHING;
    } catch (NumberFormatException e) {
      return TreeStop.NOTHING;
    }
  }

  /**
   * Waits up to {@code patience} for every live keeper of {@code dir} other than this process to
   * exit, the reap it becomes included: a keeper whose supervisor died is ending the tree and will
   * record the run, so a reader that lets it finish gets the keeper's account instead of racing it.
   * Returns at once when no keeper lives; signals nothing, and does not guarantee a result was
   * written (a keeper can be killed, or outlast {@code patience}).
   */
  public static void awaitKeepersOf(Path dir, Duration patience) {
    if (patience.isZero()) {
      return; // the keeper's own reap: nobody to wait for, so no pass over /proc either
    }
    List<ProcEntry> keepers = keepersOf(dir);
    long deadline = System.nanoTime() + patience.toNanos();
    while (keepers.stream().anyMatch(k -> ProcessTree.isAlive(k.pid(), k.startTicks()))
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The live processes, other than this one, whose {@link #VARIABLE} names {@code dir}. */
  static List<ProcEntry> keepersOf(Path dir) {
    Path wanted = dir.toAbsolutePath().normalize();
    long self = ProcessHandle.current().pid();
    List<ProcEntry> found = new ArrayList<>();
    for (String name : ProcTable.pidNames()) {
      ProcEntry p = ProcTable.readOrNull(name);
      if (p == null || p.pid() == self || p.hasExited()) {
        continue;
      }
      String kept = ProcTable.environValue(p.pid(), VARIABLE);
      if (kept != null && sameDir(kept, wanted)) {
        found.add(p);
      }
    }
    return found;
  }

  private static boolean sameDir(String kept, Path wanted) {
    try {
      Path k = Path.of(kept);
      return k.equals(wanted) || java.nio.file.Files.isSameFile(k, wanted);
    } catch (IOException | RuntimeException notThatDir) {
      return false;
    }
  }

  /**
   * The argv that starts this program's {@code reap} for {@code dir}, given how to start the
   * program.
   */
  public static List<String> reapCommand(List<String> bridge, Path dir) {
    List<String> argv = new ArrayList<>(bridge);
    argv.addAll(List.of("reap", dir.toAbsolutePath().toString()));
    return argv;
  }
}
