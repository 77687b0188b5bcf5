package prodbridge.batch;

import java.time.Instant;
import java.util.List;

/**
 * {@code batch.json}: what the batch is (its input file, the directory and config file its jobs
 * resolve paths against, its jobs) and the limits of its latest session, which Slurm array tasks
 * read to admit themselves. {@code configFile} is null when the built-in config (or the working
 * directory's prod-bridge.json) applies; {@code totalBudget} and {@code maxFailures} are null when
 * unlimited; failures count from {@code sessionStartedAt}, the start of the latest session (a
 * resume starts a new one).
 */
public record BatchManifest(
    String inputFile,
    String workingDir,
    String configFile,
    Double totalBudget,
    Integer maxFailures,
    int parallel,
    String executor,
    Instant sessionStartedAt,
    List<BatchJob> jobs) {

  public BatchManifest {
    jobs = List.copyOf(jobs);
  }

  public BatchJob job(String jobId) {
    return jobs.stream()
        .filter(j -> j.jobId().equals(jobId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no job " + jobId + " in this batch"));
  }
}
