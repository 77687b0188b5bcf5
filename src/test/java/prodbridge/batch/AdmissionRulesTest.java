package prodbridge.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one set of admission rules the local coordinator and Slurm tasks share: start, wait or never,
 * and why.
 */
class AdmissionRulesTest {
  private static final long MB = 1 << 20;
  private static final BatchJob SMALL =
      new BatchJob(1, "j1", 2, "t", "ep", "prod-episode", 1.0, 8.0, 60, null);
  private static final BatchJob BIG =
      new BatchJob(2, "j2", 3, "t", "ep2", "prod-episode", 1.0, 8.0, 60, 512 * MB);

  private static AdmissionRules rules(Double totalBudget, Integer maxFailures, long machineMemory) {
    return new AdmissionRules(
        new BatchManifest(
            "in.csv",
            "/",
            null,
            totalBudget,
            maxFailures,
            4,
            "local",
            Instant.parse("2026-01-01T00:00:00Z"),
            List.of(SMALL, BIG)),
        machineMemory);
  }

  private static AdmissionRules.Load load(
      double spent, double inFlight, int running, Long available, Duration shortFor) {
    return new AdmissionRules.Load(0, spent, inFlight, running, available, 0, shortFor);
  }

  @Test
  void aJobWithinEveryRuleStarts() {
    assertThat(rules(10.0, 3, 0).judge(SMALL, load(1, 1, 1, null, Duration.ZERO)).verdict())
        .isEqualTo(Admission.Verdict.START);
  }

  @Test
  void maxFailuresMeansNever() {
    Admission a =
        rules(null, 2, 0).judge(SMALL, new AdmissionRules.Load(2, 0, 0, 0, null, 0, Duration.ZERO));
    assertThat(a.verdict()).isEqualTo(Admission.Verdict.NEVER);
    assertThat(a.reason()).contains("max failures: 2 jobs failed");
  }

  @Test
  void theBudgetWaitsForRunningJobsAndSaysNeverWhenSpendingAlonePassesIt() {
    assertThat(rules(3.0, null, 0).judge(SMALL, load(1.5, 1.0, 1, null, Duration.ZERO)).reason())
        .isEqualTo("budget");
    Admission never = rules(3.0, null, 0).judge(SMALL, load(2.5, 0, 0, null, Duration.ZERO));
    assertThat(never.verdict()).isEqualTo(Admission.Verdict.NEVER);
    assertThat(never.reason()).contains("$2.50 spent");
  }

  @Test
  void memoryWaitsWhileRunningJobsHoldItAndSaysNeverWhenTheJobCannotFit() {
    assertThat(
            rules(null, null, 1024 * MB)
                .judge(BIG, load(0, 0, 1, 256 * MB, Duration.ZERO))
                .verdict())
        .isEqualTo(Admission.Verdict.WAIT);
    Admission tooBig =
        rules(null, null, 256 * MB).judge(BIG, load(0, 0, 0, 200 * MB, Duration.ZERO));
    assertThat(tooBig.verdict()).isEqualTo(Admission.Verdict.NEVER);
    assertThat(tooBig.reason()).contains("more than this machine has");
    Admission starved =
        rules(null, null, 1024 * MB)
            .judge(BIG, load(0, 0, 0, 256 * MB, AdmissionRules.MEMORY_PATIENCE));
    assertThat(starved.verdict())
        .as("short of memory with nothing of the batch running, for long")
        .isEqualTo(Admission.Verdict.NEVER);
    assertThat(
            rules(null, null, 1024 * MB)
                .judge(BIG, load(0, 0, 0, 600 * MB, Duration.ZERO))
                .verdict())
        .isEqualTo(Admission.Verdict.START);
  }

  @Test
  void whereTheSchedulerEnforcesMemoryNoMemoryRuleApplies() {
    assertThat(rules(null, null, 1).judge(BIG, load(0, 0, 0, null, Duration.ZERO)).verdict())
        .isEqualTo(Admission.Verdict.START);
  }
}
