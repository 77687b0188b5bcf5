package prodbridge.supervise;

import java.util.List;

/**
 * What ending a process tree took: how many processes got SIGTERM, how many needed SIGKILL, and the
 * pids that were still there afterwards (normally none; a process stuck in uninterruptible sleep
 * can outlast SIGKILL).
 */
public record TreeStop(int terminated, int killed, List<Long> survivors) {
  public static final TreeStop NOTHING = new TreeStop(0, 0, List.of());

  public boolean signalledAnything() {
    return terminated > 0 || killed > 0;
  }
}
