package prodbridge.runs;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of one run, named here once: {@code state.json} (its live state), {@code result.json}
 * (its end), {@code stdout.log} and {@code stderr.log} (the child's output), {@code events.jsonl}
 * (monitor samples and events), {@code child-events.jsonl} (what the child reports), {@code
 * run.json} (what was launched), {@code session.json} and {@code seen} (who started it, and whether
 * its end was shown), {@code child-exit.json} and {@code child-exit.code} (how the latest child
 * exited), {@code supervisor.out} and {@code supervisor.log} (a detached supervisor's own output),
 * {@code .space-reserve} and {@code report.html} (with {@code report.png}). {@code keeper.log} is
 * written by the keeper itself, which serves batches too.
 */
public record RunDir(Path path) {
  public RunDir {
    java.util.Objects.requireNonNull(path, "path");
  }

  /** The run id, which is the directory's name. */
  public String runId() {
    return path.getFileName().toString();
  }

  public Path state() {
    return path.resolve("state.json");
  }

  public Path result() {
    return path.resolve("result.json");
  }

  public Path stdoutLog() {
    return path.resolve("stdout.log");
  }

  public Path stderrLog() {
    return path.resolve("stderr.log");
  }

  /** Where monitoring appends samples and events. */
  public Path events() {
    return path.resolve("events.jsonl");
  }

  /**
   * The file the child may append progress events to; its path is in {@code
   * PROD_BRIDGE_EVENTS_FILE}.
   */
  public Path childEvents() {
    return path.resolve("child-events.jsonl");
  }

  /** What was launched, with the profile's limits, for reports and recovery after the run. */
  public Path launch() {
    return path.resolve("run.json");
  }

  public Path session() {
    return path.resolve("session.json");
  }

  /** Present once someone has seen the run's end. */
  public Path seen() {
    return path.resolve("seen");
  }

  public Path childExit() {
    return path.resolve("child-exit.json");
  }

  /**
   * The exit code alone, written by the shell that wraps the child, even after its supervisor died.
   */
  public Path childExitCode() {
    return path.resolve("child-exit.code");
  }

  /** A detached supervisor's stdout and stderr before its logging starts. */
  public Path supervisorOut() {
    return path.resolve("supervisor.out");
  }

  public Path supervisorLog() {
    return path.resolve("supervisor.log");
  }

  /** Space held back so the run can still write its result on a file system that fills up. */
  public Path spaceReserve() {
    return path.resolve(".space-reserve");
  }

  /** The run report's default place ({@code report.png} beside it holds its chart). */
  public Path report() {
    return path.resolve("report.html");
  }

  /** True for a directory that holds a run (its state, result or launch record). */
  public boolean holdsRun() {
    return Files.isRegularFile(state())
        || Files.isRegularFile(result())
        || Files.isRegularFile(launch());
  }
}
