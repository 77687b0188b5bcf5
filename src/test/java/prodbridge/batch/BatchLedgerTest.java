package prodbridge.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import prodbridge.runs.ResultJson;

/**
 * A session's failures are those of runs started at or after the session began, compared as
 * instants.
 */
class BatchLedgerTest {
  private static final BatchJob JOB =
      new BatchJob(1, "j1", 2, "t", "ep", "prod-episode", 1.0, 8.0, 60, null);

  private static JobRecord failedAt(String startedAt) {
    Instant t = Instant.parse(startedAt);
    return JobRecord.of(JOB).runId("r").status(JobStatus.ERROR).span(t, t).build();
  }

  private static int sessionFailures(String sessionStart, JobRecord r) {
    BatchLedger ledger = new BatchLedger(List.of(), Instant.parse(sessionStart));
    ledger.add(r);
    return ledger.sessionFailures();
  }

  @Test
  void aFailureHalfASecondInCountsAgainstASessionStartedAtAnEighthOfASecond() {
    assertThat(sessionFailures("2026-12-01T10:00:00.123Z", failedAt("2026-12-01T10:00:00.5Z")))
        .isEqualTo(1);
    assertThat(sessionFailures("2026-12-01T10:00:00.5Z", failedAt("2026-12-01T10:00:00.123Z")))
        .isZero();
  }

  @Test
  void aFailureJustBeforeTheSessionDoesNotCountWhereItsShorterTextSortedAfter() {
    assertThat("2026-12-01T10:00:00.5Z".compareTo("2026-12-01T10:00:00.500001Z")).isPositive();
    assertThat(sessionFailures("2026-12-01T10:00:00.500001Z", failedAt("2026-12-01T10:00:00.5Z")))
        .isZero();
    assertThat("2026-12-01T10:00:00Z".compareTo("2026-12-01T10:00:00.123Z")).isPositive();
    assertThat(sessionFailures("2026-12-01T10:00:00.123Z", failedAt("2026-12-01T10:00:00Z")))
        .isZero();
  }

  @Test
  void aFailureAtTheSessionsVeryStartCountsHoweverItsFractionIsWritten() {
    assertThat("2026-12-01T10:00:00.100Z".compareTo("2026-12-01T10:00:00.1Z")).isNegative();
    assertThat(sessionFailures("2026-12-01T10:00:00.1Z", failedAt("2026-12-01T10:00:00.100Z")))
        .isEqualTo(1);
  }

  @Test
  void aJournalLineKeepsItsTimesAsTheIsoTextEarlierBuildsWrote() throws Exception {
    String line = ResultJson.write(failedAt("2026-12-01T10:00:00.123456Z"));
    assertThat(line)
        .contains(
            "\"started_at\":\"2026-12-01T10:00:00.123456Z\"",
            "\"ended_at\":\"2026-12-01T10:00:00.123456Z\"");
    JobRecord old =
        ResultJson.mapper().readValue(line.replace("00.123456Z", "00.5Z"), JobRecord.class);
    assertThat(old.startedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00.500Z"));
    assertThat(ResultJson.mapper().readValue(line, JobRecord.class))
        .isEqualTo(failedAt("2026-12-01T10:00:00.123456Z"));
  }
}
