package prodbridge.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves any process of a supervised run behind (found, independently of the
 * bridge's own code, by the PROD_BRIDGE_RUN_ID variable every supervised child carries,
 * PROD_BRIDGE_BATCH, which every job of a batch carries, or PROD_BRIDGE_KEEPER, which every keeper
 * carries), and kills what it finds so one failure does not spill into the next test.
 *
 * <p>Only processes this test JVM started count: their environment names a path under this JVM's
 * temporary directory (every test's runs root and batch directory are there; surefire points {@code
 * java.io.tmpdir} into {@code target/}), or a run id made by this JVM ({@code test-<pid>-N}). A
 * user's real run, or another build's tests on the same machine, are never touched.
 */
public final class NoLeftoverProcesses implements AfterEachCallback {
  private static final List<byte[]> MARKERS =
      List.of(
          "PROD_BRIDGE_RUN_ID=".getBytes(StandardCharsets.UTF_8),
          "PROD_BRIDGE_BATCH=".getBytes(StandardCharsets.UTF_8),
          "PROD_BRIDGE_KEEPER=".getBytes(StandardCharsets.UTF_8));
  private static final List<byte[]> OURS =
      List.of(
          Path.of(System.getProperty("java.io.tmpdir"))
              .toAbsolutePath()
              .normalize()
              .toString()
              .getBytes(StandardCharsets.UTF_8),
          ("PROD_BRIDGE_RUN_ID=test-" + ProcessHandle.current().pid() + "-")
              .getBytes(StandardCharsets.UTF_8));

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    List<Long> left = waitForNone(2_000);
    if (!left.isEmpty()) {
      List<String> described = left.stream().map(NoLeftoverProcesses::describe).toList();
      left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
      throw new AssertionError("processes of a supervised run were left behind: " + described);
    }
  }

  /** Live marked processes, after giving signalled ones up to {@code millis} to finish dying. */
  public static List<Long> waitForNone(long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    List<Long> left = markedProcesses();
    while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
      left = markedProcesses();
    }
    return left;
  }

  public static List<Long> markedProcesses() {
    List<Long> found = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
      dirs.filter(p -> p.getFileName().toString().matches("\\d+"))
          .forEach(
              dir -> {
                long pid = Long.parseLong(dir.getFileName().toString());
                if (pid != self && !zombie(dir) && hasMarker(dir)) {
                  found.add(pid);
                }
              });
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  private static boolean hasMarker(Path dir) {
    try {
      byte[] env = Files.readAllBytes(dir.resolve("environ"));
      return MARKERS.stream().anyMatch(m -> holds(env, m, true))
          && OURS.stream().anyMatch(o -> holds(env, o, false));
    } catch (IOException | RuntimeException gone) {
      return false;
    }
  }

  /**
   * Whether {@code marker} occurs in {@code env}, at the start of a variable when {@code atStart}.
   */
  private static boolean holds(byte[] env, byte[] marker, boolean atStart) {
    outer:
    for (int i = 0; i + marker.length <= env.length; i++) {
      if (atStart && i > 0 && env[i - 1] != 0) {
        continue;
      }
      for (int j = 0; j < marker.length; j++) {
        if (env[i + j] != marker[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean zombie(Path dir) {
    try {
      String stat = Files.readString(dir.resolve("stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state == 'Z' || state == 'X';
    } catch (IOException | RuntimeException gone) {
      return true;
    }
  }

  private static String describe(long pid) {
    try {
      return pid
          + " "
          + Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ').strip();
    } catch (IOException e) {
      return pid + " (gone)";
    }
  }
}
