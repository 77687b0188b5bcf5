package prodbridge.supervise;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Snapshots for a sampler that asks every interval, at the cost of listing {@code /proc} and
 * reading only what can have changed what it is asked: processes new since the last call, the ones
 * it names (the trees' members, whose memory and state matter), and this JVM's own children (which
 * may not have exec'd yet). A process that was in the last listing and is in this one is the same
 * process (a pid is not reused while its holder lives), and one that is no member of a tree cannot
 * become one, so its earlier entry stands; every 10th call reads everything anyway. Not for ending
 * a tree: {@link ProcessTree#terminate} reads everything each time.
 */
public final class ProcWatch {
  private static final int FULL_READ_EVERY = 10;
  private ProcSnapshot last;
  private int calls;

  /**
   * The next snapshot; {@code keepFresh} names the pids whose entries must be read now (their
   * memory, state).
   */
  public synchronized ProcSnapshot next(Set<Long> keepFresh) {
    if (last == null || calls++ % FULL_READ_EVERY == 0) {
      last = ProcSnapshot.take();
      return last;
    }
    String[] names = ProcTable.pidNames();
    List<ProcEntry> found = new ArrayList<>(names.length);
    long self = ProcSnapshot.selfPid();
    for (String name : names) {
      long pid = Long.parseLong(name);
      ProcEntry before = last.process(pid).orElse(null);
      ProcEntry p =
          before != null && !keepFresh.contains(pid) && before.ppid() != self
              ? before
              : ProcTable.readOrNull(name);
      if (p != null) {
        found.add(p);
      }
    }
    last = ProcSnapshot.of(found);
    return last;
  }
}
