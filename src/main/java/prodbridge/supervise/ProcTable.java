package prodbridge.supervise;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads single processes from {@code /proc}: one small read of {@code stat} per process, parsed in
 * place, so a pass over every process costs little more than the system calls. A process that
 * vanishes mid-read is absent.
 */
final class ProcTable {
  /**
   * Bytes per page, from the kernel's auxiliary vector (AT_PAGESZ); 4096 when it cannot be read.
   */
  static final long PAGE_BYTES = pageBytes();

  private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[1024]);

  private ProcTable() {}

  /** The names under /proc that are process ids, or an empty array when /proc cannot be listed. */
  static String[] pidNames() {
    String[] names =
        new File("/proc")
            .list((dir, name) -> !name.isEmpty() && name.charAt(0) >= '1' && name.charAt(0) <= '9');
    if (names == null) {
      throw new IllegalStateException("cannot list /proc");
    }
    return names;
  }

  static Optional<ProcEntry> read(long pid) {
    return Optional.ofNullable(readOrNull(Long.toString(pid)));
  }

  /** The process named {@code pid} (a decimal string), or null when it is gone or unreadable. */
  static ProcEntry readOrNull(String pid) {
    byte[] buf = BUFFER.get();
    int n;
    try (InputStream in = new FileInputStream("/proc/" + pid + "/stat")) {
      n = in.readNBytes(buf, 0, buf.length);
    } catch (IOException | RuntimeException gone) {
      return null;
    }
    try {
      return parseStat(Long.parseLong(pid), buf, n);
    } catch (RuntimeException torn) {
      return null;
    }
  }

  /**
   * Parses a stat line; the command name may hold spaces and parentheses, so fields start after the
   * last ')'.
   */
  static ProcEntry parseStat(long pid, String stat) {
    byte[] b = stat.getBytes(StandardCharsets.ISO_8859_1);
    return parseStat(pid, b, b.length);
  }

  private static ProcEntry parseStat(long pid, byte[] b, int n) {
    int i = n - 1;
    while (i >= 0 && b[i] != ')') {
      i--;
    }
    if (i < 0) {
      throw new IllegalArgumentException("no ')' in stat of " + pid);
    }
    // fields after "<pid> (<comm>) ": 0 state, 1 ppid, 2 pgrp, 3 session, ..., 19 starttime, 20
    // vsize, 21 rss
    int pos = i + 2;
    char state = (char) b[pos];
    long ppid = 0;
    long pgid = 0;
    long sid = 0;
    long start = 0;
    long rssPages = 0;
    int field = 0;
    while (pos < n && field <= 21) {
      int end = pos;
      while (end < n && b[end] != ' ' && b[end] != '\n') {
        end++;
      }
      switch (field) {
        case 1 -> ppid = number(b, pos, end);
        case 2 -> pgid = number(b, pos, end);
        case 3 -> sid = number(b, pos, end);
        case 19 -> start = number(b, pos, end);
        case 21 -> rssPages = number(b, pos, end);
        default -> {}
      }
      field++;
      pos = end + 1;
    }
    if (field < 20) {
      throw new IllegalArgumentException("short stat of " + pid);
    }
    return new ProcEntry(pid, ppid, pgid, sid, state, start, Math.max(0, rssPages) * PAGE_BYTES);
  }

  private static long number(byte[] b, int from, int to) {
    boolean negative = from < to && b[from] == '-';
    long v = 0;
    for (int i = negative ? from + 1 : from; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        throw new NumberFormatException("not a number in stat");
      }
      v = v * 10 + d;
    }
    return negative ? -v : v;
  }

  /** True when the process's initial environment holds exactly {@code entry} ("NAME=value"). */
  static boolean environContains(long pid, String entry) {
    int eq = entry.indexOf('=');
    String value = environValue(pid, entry.substring(0, eq));
    return value != null && value.equals(entry.substring(eq + 1));
  }

  /**
   * The value of variable {@code name} in the process's initial environment, or null (absent,
   * unreadable).
   */
  static String environValue(long pid, String name) {
    byte[] environ;
    try (InputStream in = new FileInputStream("/proc/" + pid + "/environ")) {
      environ = in.readAllBytes();
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
    byte[] prefix = (name + "=").getBytes(StandardCharsets.UTF_8);
    int start = 0;
    for (int i = 0; i <= environ.length; i++) {
      if (i == environ.length || environ[i] == 0) {
        if (i - start >= prefix.length
            && Arrays.equals(environ, start, start + prefix.length, prefix, 0, prefix.length)) {
          return new String(
              environ, start + prefix.length, i - start - prefix.length, StandardCharsets.UTF_8);
        }
        start = i + 1;
      }
    }
    return null;
  }

  private static long pageBytes() {
    try (InputStream in = new FileInputStream("/proc/self/auxv")) {
      ByteBuffer auxv = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.nativeOrder());
      while (auxv.remaining() >= 16) {
        long type = auxv.getLong();
        long value = auxv.getLong();
        if (type == 6 /* AT_PAGESZ */ && value > 0) {
          return value;
        }
        if (type == 0) {
          break;
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // fall through to the common size
    }
    return 4096;
  }
}
