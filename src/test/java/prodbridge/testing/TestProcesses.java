package prodbridge.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real processes a test starts, and the waits for them. {@link #run} runs one to its end with a
 * wait that bounds the whole call: stdout and stderr go to files in the test's directory, so
 * nothing waits on a pipe, and one that overruns is killed with its descendants and fails the test.
 * Registered as an extension ({@code @RegisterExtension}), it also ends every process started
 * through {@link #start} after each test, descendants included; it does not touch anything else.
 */
public final class TestProcesses implements AfterEachCallback {
  private final List<Process> started = new CopyOnWriteArrayList<>();

  /** Starts {@code pb}; the process and its descendants are ended after the test. */
  public Process start(ProcessBuilder pb) throws IOException {
    Process p = pb.start();
    started.add(p);
    return p;
  }

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    for (Process p : started) {
      end(p);
    }
    started.clear();
  }

  /**
   * Runs {@code pb} to its end within {@code patience}, its stdout and stderr in files under {@code
   * dir}, deleted once read (stdin is /dev/null unless {@code pb} says otherwise); fails the test,
   * after killing the process and its descendants, if it overruns.
   */
  public static CliRun run(ProcessBuilder pb, Path dir, Duration patience)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "process-", ".out");
    Path err = Files.createTempFile(dir, "process-", ".err");
    if (pb.redirectInput() == ProcessBuilder.Redirect.PIPE) {
      pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      if (!p.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
        end(p);
        throw new AssertionError(
            String.join(" ", pb.command())
                + " did not end within "
                + patience.toSeconds()
                + " s; it was killed with its descendants\nstdout: "
                + read(out)
                + "\nstderr: "
                + read(err));
      }
      return new CliRun(p.exitValue(), read(out), read(err));
    } finally {
      end(p);
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /**
   * SIGKILLs the process and every descendant it has now, descendants first, and waits up to 10 s
   * for the process itself; a descendant already reparented (its parent gone) is not found here.
   */
  public static void end(Process p) throws InterruptedException {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    p.waitFor(10, TimeUnit.SECONDS);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
