package prodbridge.runs;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import prodbridge.config.UsageException;

/**
 * Checks, before anything is created, that a directory the bridge will make or write into can be:
 * the nearest part of its path that exists must be a directory this process may write, and not in a
 * kernel filesystem. A failure is a usage error naming what the directory is for ({@code what}) and
 * the part that stands in the way.
 */
public final class WritableDir {
  private WritableDir() {}

  public static void check(Path dir, String what) {
    Path abs = dir.toAbsolutePath().normalize();
    for (String kernel : new String[] {"/proc", "/sys", "/dev"}) {
      if (abs.startsWith(kernel)) {
        throw new UsageException(
            what + " " + abs + ": under " + kernel + ", where no files can be made");
      }
    }
    Path existing = abs;
    while (existing != null
        && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)
        && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new UsageException(what + " " + abs + ": no part of this path exists");
    }
    if (!Files.isDirectory(existing)) {
      throw new UsageException(what + " " + abs + ": " + existing + " is a file, not a directory");
    }
    if (!Files.isWritable(existing) || !Files.isExecutable(existing)) {
      throw new UsageException(
          what + " " + abs + ": " + existing + " is not writable by this user");
    }
  }
}
