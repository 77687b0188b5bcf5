package prodbridge.supervise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads the kernel's process table from {@code /proc}; processes that vanish mid-read are skipped. */
final class ProcTable {
  private static final Path PROC = Path.of("/proc");

  private ProcTable() {}

  static List<ProcEntry> all() {
    List<ProcEntry> entries = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, ProcTable::isPidDir)) {
      for (Path dir : dirs) {
        read(Long.parseLong(dir.getFileName().toString())).ifPresent(entries::add);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
    }
    return entries;
  }

  static Optional<ProcEntry> read(long pid) {
    try {
      return Optional.of(parseStat(pid, Files.readString(PROC.resolve(pid + "/stat"))));
    } catch (IOException | RuntimeException gone) {
      return Optional.empty();
    }
  }

  /** Parses a stat line; the command name may hold spaces and parentheses, so fields start after the last ')'. */
  static ProcEntry parseStat(long pid, String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return new ProcEntry(
        pid,
        Long.parseLong(f[1]),
        Long.parseLong(f[2]),
        Long.parseLong(f[3]),
        f[0].charAt(0),
        Long.parseLong(f[19]));
  }

  /** True when the process's initial environment holds exactly {@code entry} ("NAME=value"). */
  static boolean environContains(long pid, String entry) {
    byte[] wanted = entry.getBytes(StandardCharsets.UTF_8);
    byte[] environ;
    try {
      environ = Files.readAllBytes(PROC.resolve(pid + "/environ"));
    } catch (IOException | RuntimeException unreadable) {
      return false;
    }
    int start = 0;
    for (int i = 0; i <= environ.length; i++) {
      if (i == environ.length || environ[i] == 0) {
        if (i - start == wanted.length
            && Arrays.equals(environ, start, i, wanted, 0, wanted.length)) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  private static boolean isPidDir(Path p) {
    String name = p.getFileName().toString();
    return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
  }
}
