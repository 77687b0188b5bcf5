package prodbridge.batch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Slurm's own commands (sbatch, squeue, scontrol, scancel), run and waited for, their output
 * returned.
 */
public final class SlurmCli {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final Duration patience;

  /** The outcome of one command: its exit code and its stdout and stderr, trimmed. */
  public record Reply(int exitCode, String out, String err) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  public SlurmCli() {
    this(PATIENCE);
  }

  /**
   * A CLI whose every command, output included, is bounded by {@code patience} (60 s for Slurm).
   */
  SlurmCli(Duration patience) {
    this.patience = patience;
  }

  /**
   * Runs one command, its output going to files so nothing waits on a pipe: the wait bounds the
   * whole call, and a command that overruns it is killed with its descendants and reported as an
   * IOException.
   */
  public Reply run(String... argv) throws IOException, InterruptedException {
    Path out = Files.createTempFile("prod-bridge-slurm-", ".out");
    Path err = Files.createTempFile("prod-bridge-slurm-", ".err");
    try {
      Process p = start(argv, out, err);
      if (!p.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
        long ended = endTree(p);
        throw new IOException(
            argv[0]
                + " did not answer in "
                + shown(patience)
                + "; it was ended ("
                + ended
                + (ended == 1 ? " process)" : " processes)"));
      }
      return new Reply(p.exitValue(), read(out), read(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static Process start(String[] argv, Path out, Path err) throws IOException {
    try {
      return new ProcessBuilder(List.of(argv))
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .start();
    } catch (IOException e) {
      throw new IOException(
          argv[0] + " is not available here (" + e.getMessage() + "); is Slurm installed?", e);
    }
  }

  /**
   * SIGKILLs the command and every descendant it has now, descendants first; returns how many were
   * signalled.
   */
  private static long endTree(Process p) throws InterruptedException {
    List<ProcessHandle> tree = p.descendants().toList();
    tree.forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    p.waitFor(5, TimeUnit.SECONDS);
    return tree.size() + 1;
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
  }

  private static String shown(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /**
   * Runs a command that must succeed; its failure becomes an IOException quoting Slurm's own
   * message.
   */
  public String require(String... argv) throws IOException, InterruptedException {
    Reply r = run(argv);
    if (!r.ok()) {
      throw new IOException(
          argv[0]
              + " failed (exit "
              + r.exitCode()
              + "): "
              + (r.err().isEmpty() ? r.out() : r.err()));
    }
    return r.out();
  }

  /** True when a controller answers: {@code sinfo} works from here. */
  public boolean reachable() {
    try {
      return run("sinfo", "-h", "-o", "%P").ok();
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
