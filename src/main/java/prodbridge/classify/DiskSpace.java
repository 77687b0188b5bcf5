package prodbridge.classify;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * How full the file system holding {@code path} is, as {@code statvfs} tells it ({@link
 * Files#getFileStore}): {@code store} names the mount and device, {@code usableBytes} is what an
 * unprivileged writer can still use. For the hint of a disk-full failure, whether the child's or
 * the bridge's own write failed.
 */
public record DiskSpace(Path path, String store, long usableBytes, long totalBytes) {

  /**
   * The file system of {@code path}, or of its directory when the file itself is gone; empty when
   * neither exists.
   */
  public static Optional<DiskSpace> of(Path path) {
    if (path == null) {
      return Optional.empty();
    }
    Path p = path.toAbsolutePath().normalize();
    Path existing =
        Files.exists(p)
            ? p
            : p.getParent() != null && Files.isDirectory(p.getParent()) ? p.getParent() : null;
    if (existing == null) {
      return Optional.empty();
    }
    try {
      FileStore fs = Files.getFileStore(existing);
      String mount =
          fs.toString().contains(" (")
              ? fs.toString().substring(0, fs.toString().indexOf(" ("))
              : fs.name();
      String store = "mounted at " + mount + ", " + fs.name() + ", " + fs.type();
      return Optional.of(new DiskSpace(p, store, fs.getUsableSpace(), fs.getTotalSpace()));
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** "The file system holding /x (mounted at /, /dev/sda1, ext4) has 0 B free of 50.0 GB now". */
  public String describe() {
    return "The file system holding "
        + path
        + " ("
        + store
        + ") has "
        + bytes(usableBytes)
        + " free of "
        + bytes(totalBytes)
        + " now";
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB", "PB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
