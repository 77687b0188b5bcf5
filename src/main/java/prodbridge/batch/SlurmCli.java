package prodbridge.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Slurm's own commands (sbatch, squeue, scontrol, scancel), run and waited for, their output returned. */
public final class SlurmCli {
  private static final long PATIENCE_SECONDS = 60;

  /** The outcome of one command: its exit code and its stdout and stderr, trimmed. */
  public record Reply(int exitCode, String out, String err) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  public Reply run(String... argv) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(List.of(argv)).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
    } catch (IOException e) {
      throw new IOException(argv[0] + " is not available here (" + e.getMessage() + "); is Slurm installed?", e);
    }
    var out = p.getInputStream();
    var err = p.getErrorStream();
    var errText = new java.util.concurrent.CompletableFuture<String>();
    Thread t = new Thread(() -> {
      try {
        errText.complete(new String(err.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        errText.complete("");
      }
    });
    t.setDaemon(true);
    t.start();
    String outText = new String(out.readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(argv[0] + " did not answer in " + PATIENCE_SECONDS + " s");
    }
    return new Reply(p.exitValue(), outText.strip(), errText.join().strip());
  }

  /** Runs a command that must succeed; its failure becomes an IOException quoting Slurm's own message. */
  public String require(String... argv) throws IOException, InterruptedException {
    Reply r = run(argv);
    if (!r.ok()) {
      throw new IOException(String.join(" ", new ArrayList<>(List.of(argv)).subList(0, 1)) + " failed (exit "
          + r.exitCode() + "): " + (r.err().isEmpty() ? r.out() : r.err()));
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
