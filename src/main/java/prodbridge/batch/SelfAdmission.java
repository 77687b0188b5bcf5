package prodbridge.batch;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import prodbridge.runs.ResultJson;

/**
 * Admission for a job whose supervisor was started by a scheduler (a Slurm array task), where no
 * coordinator sees every job: under the batch's lock it reads the journal and the claims of the
 * other tasks, applies the same rules {@link AdmissionRules} as a local batch (max failures, total
 * budget), and either claims the job or says why it must not start.
 */
final class SelfAdmission {
  private static final Duration RECHECK = Duration.ofSeconds(2);

  private final BatchDir dir;
  private final BatchManifest manifest;
  private final Journal journal;

  SelfAdmission(BatchDir dir, BatchManifest manifest) {
    this.dir = dir;
    this.manifest = manifest;
    this.journal = new Journal(dir);
  }

  /**
   * Waits while in-flight budgets leave no room; returns null once claimed, else the reason not to
   * start.
   */
  String admit(BatchJob job, String runId) throws IOException, InterruptedException {
    AdmissionRules rules = new AdmissionRules(manifest, 0);
    while (true) {
      String verdict =
          journal.locked(
              () -> {
                List<JobRecord> records = journal.records();
                Set<String> ended =
                    records.stream().map(JobRecord::runId).collect(Collectors.toSet());
                double spent = records.stream().mapToDouble(JobRecord::costOrZero).sum();
                long failures =
                    records.stream()
                        .filter(r -> r.failedSince(manifest.sessionStartedAt()))
                        .count();
                Instant now = Instant.now();
                List<Claim> inFlight =
                    Journal.read(dir.claims(), Claim.class).stream()
                        .filter(c -> !ended.contains(c.runId()) && c.expiresAt().isAfter(now))
                        .toList();
                // memory is Slurm's to enforce (--mem), so the rules are given no figure for it
                Admission a =
                    rules.judge(
                        job,
                        new AdmissionRules.Load(
                            failures,
                            spent,
                            inFlight.stream().mapToDouble(Claim::budget).sum(),
                            inFlight.size(),
                            null,
                            0,
                            Duration.ZERO));
                switch (a.verdict()) {
                  case NEVER:
                    return a.reason();
                  case WAIT:
                    return "";
                  default:
                    Journal.appendLine(
                        dir.claims(),
                        ResultJson.write(
                            new Claim(
                                job.jobId(),
                                runId,
                                job.budget(),
                                Host.name(),
                                now,
                                now.plusSeconds(job.worstCaseSeconds()))));
                    return null;
                }
              });
      if (verdict == null || !verdict.isEmpty()) {
        return verdict;
      }
      Thread.sleep(RECHECK.toMillis());
    }
  }
}
