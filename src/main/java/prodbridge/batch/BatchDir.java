package prodbridge.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import prodbridge.runs.RunDir;

/**
 * The files of one batch: {@code batch.json} (the manifest), {@code journal.jsonl} (one line per
 * finished job), {@code joblog.tsv} (the same in GNU parallel's format), {@code claims.jsonl} (jobs
 * started by Slurm array tasks), {@code events.jsonl} (admission decisions), {@code summary.json},
 * {@code report.html} and {@code report.png}, {@code coordinator.json} (who runs the batch now),
 * {@code runs/} (each job's run directory), {@code keeper.log} (the batch keeper's log) and {@code
 * slurm/} ({@code logs/} held each job supervisor's own log when every job had its own process).
 */
public record BatchDir(Path path) {
  public BatchDir {
    path = path.toAbsolutePath().normalize();
  }

  public Path manifest() {
    return path.resolve("batch.json");
  }

  public Path journal() {
    return path.resolve("journal.jsonl");
  }

  public Path joblog() {
    return path.resolve("joblog.tsv");
  }

  public Path claims() {
    return path.resolve("claims.jsonl");
  }

  public Path events() {
    return path.resolve("events.jsonl");
  }

  public Path summary() {
    return path.resolve("summary.json");
  }

  /**
   * The batch report, written when a session ends ({@code report.png} beside it holds its main
   * chart).
   */
  public Path report() {
    return path.resolve("report.html");
  }

  /** The PNG of the batch report's main chart. */
  public Path reportChart() {
    return path.resolve("report.png");
  }

  public Path coordinator() {
    return path.resolve("coordinator.json");
  }

  public Path lock() {
    return path.resolve(".lock");
  }

  public Path runs() {
    return path.resolve("runs");
  }

  /** The directory of job run {@code runId}. */
  public RunDir run(String runId) {
    return new RunDir(runs().resolve(runId));
  }

  public Path logs() {
    return path.resolve("logs");
  }

  public Path slurm() {
    return path.resolve("slurm");
  }

  public boolean holdsBatch() {
    return Files.isRegularFile(manifest());
  }
}
