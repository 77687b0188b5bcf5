package prodbridge.monitor;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * Watches an output directory: how many regular files are there, and how many are new or changed
 * since last time.
 */
final class OutputWatch {
  private static final int MAX_FILES = 10_000;
  private final Path dir;
  private Map<Path, String> seen = new HashMap<>();

  OutputWatch(Path dir) {
    this.dir = dir;
  }

  /** Scans once; symlinks are not followed. */
  Scan scan() {
    if (dir == null || !Files.isDirectory(dir)) {
      return new Scan(0, 0);
    }
    Map<Path, String> now = new HashMap<>();
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
              if (a.isRegularFile()) {
                now.put(file, a.size() + "@" + a.lastModifiedTime().toMillis());
              }
              return now.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      return new Scan(seen.size(), 0);
    }
    int changed = 0;
    for (Map.Entry<Path, String> e : now.entrySet()) {
      if (!e.getValue().equals(seen.get(e.getKey()))) {
        changed++;
      }
    }
    seen = now;
    return new Scan(now.size(), changed);
  }

  /** One scan's figures. */
  record Scan(int files, int changed) {}
}
