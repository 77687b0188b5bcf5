package prodbridge.supervise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every process on the machine at one moment, from one pass over {@code /proc} (one read of {@code
 * stat} per process: ids, state, start time and resident memory), with a lookup of the run marker
 * each one carries. One snapshot answers every supervised tree's membership and memory for a tick;
 * take a new one for the next tick.
 */
public final class ProcSnapshot {
  /**
   * Markers read so far, by pid; an entry counts only for the same start time, so a reused pid is
   * read again.
   */
  private static final Map<Long, Marked> MARKERS = new ConcurrentHashMap<>();

  private static final long SELF = ProcessHandle.current().pid();

  private static final Object LATEST_LOCK = new Object();
  private static ProcSnapshot latest;

  private final long takenNanos = System.nanoTime();
  private final List<ProcEntry> processes;
  private final Map<Long, ProcEntry> byPid;

  private ProcSnapshot(List<ProcEntry> processes) {
    this.processes = List.copyOf(processes);
    this.byPid = new HashMap<>(processes.size() * 2);
    for (ProcEntry p : processes) {
      byPid.put(p.pid(), p);
    }
  }

  /** Reads every process now; processes that vanish during the pass are left out. */
  public static ProcSnapshot take() {
    String[] names = ProcTable.pidNames();
    List<ProcEntry> found = new ArrayList<>(names.length);
    for (String name : names) {
      ProcEntry p = ProcTable.readOrNull(name);
      if (p != null) {
        found.add(p);
      }
    }
    return of(found);
  }

  static ProcSnapshot of(List<ProcEntry> processes) {
    ProcSnapshot snapshot = new ProcSnapshot(processes);
    snapshot.forgetGoneMarkers();
    return snapshot;
  }

  static long selfPid() {
    return SELF;
  }

  /**
   * The latest snapshot any caller took if it is at most {@code maxAgeNanos} old, else a new one.
   */
  public static ProcSnapshot recent(long maxAgeNanos) {
    synchronized (LATEST_LOCK) {
      if (latest == null || System.nanoTime() - latest.takenNanos > maxAgeNanos) {
        latest = take();
      }
      return latest;
    }
  }

  /** Every process read, in /proc order, exited ones (zombies) included. */
  public List<ProcEntry> processes() {
    return processes;
  }

  public Optional<ProcEntry> process(long pid) {
    return Optional.ofNullable(byPid.get(pid));
  }

  /**
   * The run id that {@code p}'s initial environment carries in {@link ProcessTree#MARKER_VARIABLE},
   * or null (none, or not readable: another user's process). Each process's environment is read
   * once in its life, then cached.
   */
  public String runIdOf(ProcEntry p) {
    Marked known = MARKERS.get(p.pid());
    if (known != null && known.startTicks() == p.startTicks()) {
      return known.runId();
    }
    String runId = ProcTable.environValue(p.pid(), ProcessTree.MARKER_VARIABLE);
    if (runId != null || p.ppid() != SELF) {
      // a child of this JVM may not have exec'd yet: its environment is still ours, so it is read
      // again later
      MARKERS.put(p.pid(), new Marked(p.startTicks(), runId));
    }
    return runId;
  }

  /**
   * The live members of one run's tree: processes started no earlier than its leader that share the
   * leader's session or process group, or carry the run's marker. {@code leaderPid} -1 means "by
   * marker only". This process (the bridge) is never a member.
   */
  public List<ProcEntry> members(long leaderPid, long leaderStartTicks, String runId) {
    List<ProcEntry> found = new ArrayList<>();
    for (ProcEntry p : processes) {
      if (p.pid() == SELF || p.hasExited() || p.startTicks() < leaderStartTicks) {
        continue;
      }
      boolean sameSessionOrGroup = leaderPid > 0 && (p.sid() == leaderPid || p.pgid() == leaderPid);
      if (sameSessionOrGroup || runId.equals(runIdOf(p))) {
        found.add(p);
      }
    }
    return found;
  }

  /** The summed resident memory of {@code members}, in bytes. */
  public static long residentBytes(List<ProcEntry> members) {
    long sum = 0;
    for (ProcEntry p : members) {
      sum += p.rssBytes();
    }
    return sum;
  }

  private void forgetGoneMarkers() {
    if (MARKERS.size() > 2 * byPid.size() + 64) {
      MARKERS
          .entrySet()
          .removeIf(
              e -> {
                ProcEntry now = byPid.get(e.getKey());
                return now == null || now.startTicks() != e.getValue().startTicks();
              });
    }
  }

  private record Marked(long startTicks, String runId) {}
}
