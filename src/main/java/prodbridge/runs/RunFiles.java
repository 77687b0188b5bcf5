package prodbridge.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A run's files are private (directories 0700, files 0600); whole files are replaced by rename,
 * never torn.
 */
public final class RunFiles {
  private RunFiles() {}

  public static void createPrivateDirectories(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
  }

  public static void createPrivateFile(Path file) throws IOException {
    if (!Files.exists(file)) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
  }

  public static void writeAtomically(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    createPrivateFile(tmp);
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Removes {@code dir} and everything in it, as far as it can; for a run directory that never got
   * going.
   */
  static void deleteQuietly(Path dir) {
    try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | java.io.UncheckedIOException ignored) {
      // what is left is an empty or partial directory with no state: status reports it, nothing
      // runs
    }
  }

  /**
   * Writes {@code file} whole unless it already exists, atomically (a hard link of a finished
   * temporary file), so two writers of a final result cannot both win. Returns false when the file
   * was already there.
   */
  public static boolean writeOnce(Path file, String content) throws IOException {
    Path tmp =
        file.resolveSibling(
            "." + file.getFileName() + "." + ProcessHandle.current().pid() + ".once");
    Files.deleteIfExists(tmp);
    createPrivateFile(tmp);
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.createLink(file, tmp);
      return true;
    } catch (java.nio.file.FileAlreadyExistsException taken) {
      return false;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
