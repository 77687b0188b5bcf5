package prodbridge.supervise;

/** One process as {@code /proc/<pid>/stat} shows it; {@code startTicks} tells a reused pid apart. */
public record ProcEntry(long pid, long ppid, long pgid, long sid, char state, long startTicks) {

  /** A zombie or dead entry has exited: it holds no resources and cannot be signalled away. */
  public boolean hasExited() {
    return state == 'Z' || state == 'X' || state == 'x';
  }
}
