package prodbridge.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted on a test's own directory, for file systems that are full or read-only;
 * unmounted on close. Needs root (CI runs as root): elsewhere the test is skipped with that reason.
 */
public final class Tmpfs implements AutoCloseable {
  private final Path dir;

  private Tmpfs(Path dir) {
    this.dir = dir;
  }

  /**
   * Mounts a tmpfs of {@code size} (mount's syntax, for example "2m") on {@code dir}, created if
   * needed.
   */
  public static Tmpfs mount(Path dir, String size, boolean readOnly) throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
    Files.createDirectories(dir);
    int rc =
        run(
            "mount",
            "-t",
            "tmpfs",
            "-o",
            (readOnly ? "ro," : "") + "size=" + size,
            "tmpfs",
            dir.toString());
    assumeTrue(
        rc == 0,
        "mount -t tmpfs failed here (exit " + rc + "); a container without CAP_SYS_ADMIN?");
    return new Tmpfs(dir);
  }

  /** Fills the file system until a write fails, leaving no free block. */
  public Tmpfs fill() throws IOException {
    byte[] block = new byte[4096];
    try (var out = Files.newOutputStream(dir.resolve("filler"))) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      return this;
    }
  }

  public Path dir() {
    return dir;
  }

  /**
   * Unmounts it; if interrupted meanwhile, keeps the interrupt and leaves a lazy unmount running.
   */
  @Override
  public void close() throws IOException {
    try {
      if (run("umount", dir.toString()) != 0) {
        run("umount", "-l", dir.toString());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      new ProcessBuilder("umount", "-l", dir.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
    }
  }

  private static int run(String... argv) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(List.of(argv))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }
}
