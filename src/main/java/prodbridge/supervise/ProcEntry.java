package prodbridge.supervise;

/**
 * One process as {@code /proc/<pid>/stat} shows it; {@code startTicks} tells a reused pid apart.
 * {@code rssBytes} is its resident memory (the same figure as the second field of {@code
 * /proc/<pid>/statm}), 0 when not read.
 */
public record ProcEntry(
    long pid, long ppid, long pgid, long sid, char state, long startTicks, long rssBytes) {

  /** An entry whose resident memory was not read. */
  public ProcEntry(long pid, long ppid, long pgid, long sid, char state, long startTicks) {
    this(pid, ppid, pgid, sid, state, startTicks, 0);
  }

  /** A zombie or dead entry has exited: it holds no resources and cannot be signalled away. */
  public boolean hasExited() {
    return state == 'Z' || state == 'X' || state == 'x';
  }
}
