package prodbridge.runs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The run store (the runs root and the runs in it) could not be read or written: missing and not
 * creatable, not a directory, not writable, read-only, or full. An error for the user with one line
 * that says where and why, never a crash; the bridge exits with 4 (the README's exit code table).
 */
public final class StoreFailure extends RuntimeException {
  private final boolean full;
  private final Path path;

  private StoreFailure(String message, boolean full, Path path, Throwable cause) {
    super(message, cause);
    this.full = full;
    this.path = path;
  }

  /** Where the failed read or write was. */
  public Path path() {
    return path;
  }

  /**
   * {@code doing} says what the bridge was doing ("create run directory"), {@code path} where it
   * failed.
   */
  public static StoreFailure of(String doing, Path path, IOException e) {
    String why = reason(e);
    boolean full = isFull(e);
    String space = full ? "; " + spaceOf(path) : "";
    return new StoreFailure("cannot " + doing + " " + path + ": " + why + space, full, path, e);
  }

  /**
   * A log of the run that could not be written: its pipe was drained meanwhile, and the lost bytes
   * counted.
   */
  public static StoreFailure of(prodbridge.supervise.LogFailure log) {
    Path path = Path.of(log.log());
    IOException e = new IOException(log.message());
    boolean full = isFull(e);
    return new StoreFailure(
        "cannot write "
            + path
            + ": "
            + reason(e)
            + " ("
            + log.droppedBytes()
            + " bytes of the child's output dropped)"
            + (full ? "; " + spaceOf(path) : ""),
        full,
        path,
        e);
  }

  /** True when the failure is a full file system or an exhausted quota. */
  public boolean diskFull() {
    return full;
  }

  /**
   * True when {@code e} means the store cannot take writes: no space, quota, or a read-only file
   * system.
   */
  public static boolean unwritable(IOException e) {
    String m = String.valueOf(e.getMessage());
    return isFull(e) || m.contains("Read-only file system");
  }

  static boolean isFull(IOException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("No space left on device") || m.contains("Disk quota exceeded");
  }

  private static String reason(IOException e) {
    String m = String.valueOf(e.getMessage());
    if (e instanceof NotDirectoryException || m.contains("Not a directory")) {
      return "a part of the path is a file, not a directory";
    }
    if (e instanceof AccessDeniedException || m.contains("Permission denied")) {
      return "permission denied (not writable for this user)";
    }
    if (e instanceof NoSuchFileException) {
      return "it does not exist";
    }
    if (m.contains("Read-only file system")) {
      return "the file system is read-only";
    }
    if (isFull(e)) {
      return "the file system is full";
    }
    int colon = m.lastIndexOf(": ");
    return colon >= 0 ? m.substring(colon + 2) : m;
  }

  /**
   * "file system /mnt (tmpfs) has 0 B free of 2 MB", from the nearest existing ancestor of {@code
   * path}.
   */
  public static String spaceOf(Path path) {
    Path p = path.toAbsolutePath();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    if (p == null) {
      return "free space unknown";
    }
    try {
      FileStore store = Files.getFileStore(p);
      return String.format(
          Locale.ROOT,
          "file system %s (%s) has %s free of %s",
          mountOf(store),
          store.type(),
          size(store.getUsableSpace()),
          size(store.getTotalSpace()));
    } catch (IOException e) {
      return "free space unknown";
    }
  }

  private static String mountOf(FileStore store) {
    String s = store.toString();
    int paren = s.lastIndexOf(" (");
    return paren > 0 ? s.substring(0, paren) : s;
  }

  private static String size(long bytes) {
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%d KB", bytes / 1024);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }
}
