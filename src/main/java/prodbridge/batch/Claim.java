package prodbridge.batch;

import java.time.Instant;

/**
 * A line of {@code claims.jsonl}: a Slurm array task that admitted itself and started its job. It
 * counts as in flight until the journal has the run's record, or until {@code expiresAt}, when
 * Slurm's time limit has ended it.
 */
record Claim(
    String jobId, String runId, double budget, String host, Instant startedAt, Instant expiresAt) {}
