package prodbridge.supervise;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every process that belongs to one run, found again from {@code /proc} each time it is asked,
 * never from a remembered pid: the session and process group of the leader (launched through {@code
 * setsid}, so pid = pgid = sid), and anything whose environment carries the run's marker, which
 * also catches a daemon that called setsid() itself. Processes that started before the leader are
 * never members, so a reused pid is not one.
 */
public final class ProcessTree {
  /** Environment variable set in the child; its value is the run id. */
  public static final String MARKER_VARIABLE = "PROD_BRIDGE_RUN_ID";

  private static final Logger log = LoggerFactory.getLogger(ProcessTree.class);
  private static final long POLL_MILLIS = 25;
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);
  private static final long SAMPLE_AGE_MILLIS = 200;

  private final long leaderPid;
  private final long leaderStartTicks;
  private final String runId;
  private final ProcWatch watch = new ProcWatch();
  private volatile Set<Long> watched = Set.of();
  private volatile boolean hurry;
  private volatile boolean leaderTermed;
  private boolean interrupted;

  public ProcessTree(long leaderPid, String runId) {
    this(leaderPid, ProcTable.read(leaderPid).map(ProcEntry::startTicks).orElse(0L), runId);
  }

  private ProcessTree(long leaderPid, long leaderStartTicks, String runId) {
    this.leaderPid = leaderPid;
    this.leaderStartTicks = leaderStartTicks;
    this.runId = runId;
  }

  /**
   * The tree of a run whose supervisor is gone, from what its state recorded. Its session and group
   * count only while the recorded leader is still the same process (same pid and start time);
   * otherwise only the marker finds members, so a reused pid never makes a stranger's processes
   * part of the run.
   */
  public static ProcessTree ofRecordedRun(long leaderPid, long leaderStartTicks, String runId) {
    boolean sameLeader =
        leaderPid > 0
            && ProcTable.read(leaderPid).map(p -> p.startTicks() == leaderStartTicks).orElse(false);
    return sameLeader
        ? new ProcessTree(leaderPid, leaderStartTicks, runId)
        : new ProcessTree(-1, 0, runId);
  }

  /**
   * True when process {@code pid} exists, has not exited, and started at {@code startTicks} (so is
   * not a reuse).
   */
  public static boolean isAlive(long pid, long startTicks) {
    return pid > 0
        && ProcTable.read(pid)
            .map(p -> p.startTicks() == startTicks && !p.hasExited())
            .orElse(false);
  }

  /**
   * The start time of process {@code pid} in clock ticks since boot, or 0 when it does not exist.
   */
  public static long startTicksOf(long pid) {
    return ProcTable.read(pid).map(ProcEntry::startTicks).orElse(0L);
  }

  public long leaderStartTicks() {
    return leaderStartTicks;
  }

  /** The live (not yet exited) members, the leader included while it runs. */
  public List<ProcEntry> members() {
    return members(ProcSnapshot.take());
  }

  /**
   * The live members as {@code snapshot} shows them; one snapshot can serve many trees in one tick.
   */
  public List<ProcEntry> members(ProcSnapshot snapshot) {
    return snapshot.members(leaderPid, leaderStartTicks, runId);
  }

  /**
   * The summed resident memory of the live members, from a pass over {@code /proc} at most {@value
   * #SAMPLE_AGE_MILLIS} ms old that every tree this process monitors shares (monitors tick
   * together, so one pass serves them all); for sampling only, ending a tree always reads afresh.
   */
  public long sampledResidentBytes() {
    return ProcSnapshot.residentBytes(members(ProcSnapshot.recent(SAMPLE_AGE_MILLIS * 1_000_000)));
  }

  /** The pids of {@link #members()}. */
  public List<Long> memberPids() {
    return members().stream().map(ProcEntry::pid).toList();
  }

  /**
   * The summed resident memory of the live members, in bytes, for a sampler that asks every
   * interval: only new processes and the members are read again (see {@link ProcWatch}). -1 when no
   * member is alive any more (the child has exited and the supervisor is about to stop), or none
   * has memory yet (between fork and exec), so a sampler does not record a tree of nothing.
   */
  public long residentBytes() {
    List<ProcEntry> found = members(watch.next(watched));
    watched =
        found.stream().map(ProcEntry::pid).collect(java.util.stream.Collectors.toUnmodifiableSet());
    long bytes = ProcSnapshot.residentBytes(found);
    return bytes > 0
        ? bytes
        : -1; // none alive, or only a process still between fork and exec: nothing to sample
  }

  /**
   * SIGTERM to every member, a wait of up to {@code grace} for them to go, then SIGKILL to whatever
   * is left, including members that appeared meanwhile. Returns once no member is left or SIGKILL
   * failed for 5 s.
   */
  public TreeStop terminate(Duration grace) {
    Set<Long> termed = new HashSet<>();
    if (leaderTermed) {
      termed.add(leaderPid);
    }
    long deadline = System.nanoTime() + grace.toNanos();
    List<ProcEntry> live = members();
    while (!live.isEmpty() && !hurry && System.nanoTime() < deadline) {
      for (ProcEntry p : live) {
        if (termed.add(p.pid())) {
          signal(p.pid(), false);
        }
      }
      pause();
      live = members();
    }
    if (live.isEmpty()) {
      restoreInterrupt();
      return new TreeStop(termed.size(), 0, List.of());
    }
    return killRemaining(termed.size(), live);
  }

  /**
   * SIGTERM to the leader alone, now; a later {@link #terminate} counts it as signalled and does
   * not repeat it.
   */
  void terminateLeader() {
    if (leaderPid > 0) {
      leaderTermed = true;
      signal(leaderPid, false);
    }
  }

  /**
   * SIGKILL to every member at once, without a grace period (for a bridge that is itself being torn
   * down).
   */
  public TreeStop kill() {
    return killRemaining(0, members());
  }

  /** Makes a terminate() in progress skip the rest of its grace period and SIGKILL now. */
  public void hurry() {
    hurry = true;
  }

  private TreeStop killRemaining(int termed, List<ProcEntry> live) {
    Set<Long> killed = new HashSet<>();
    long deadline = System.nanoTime() + KILL_WAIT.toNanos();
    while (!live.isEmpty() && System.nanoTime() < deadline) {
      for (ProcEntry p : live) {
        killed.add(p.pid());
        signal(p.pid(), true);
      }
      pause();
      live = members();
    }
    List<Long> survivors = live.stream().map(ProcEntry::pid).toList();
    if (!survivors.isEmpty()) {
      log.warn("processes {} of run {} survived SIGKILL", survivors, runId);
    }
    restoreInterrupt();
    return new TreeStop(termed, killed.size(), survivors);
  }

  /**
   * ProcessHandle checks the start time before signalling, so a pid reused meanwhile is left alone.
   */
  private static void signal(long pid, boolean kill) {
    ProcessHandle.of(pid)
        .ifPresent(
            h -> {
              boolean sent = kill ? h.destroyForcibly() : h.destroy();
              log.debug(
                  "{} to {}: {}", kill ? "SIGKILL" : "SIGTERM", pid, sent ? "sent" : "not sent");
            });
  }

  /**
   * An interrupt means "faster": skip the grace period, keep polling, restore the flag when done.
   */
  private void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      hurry = true;
      interrupted = true;
    }
  }

  private void restoreInterrupt() {
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  public long leaderPid() {
    return leaderPid;
  }
}
