package prodbridge.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import prodbridge.runs.RunDir;
import prodbridge.runs.RunState;
import prodbridge.runs.RunStore;

/**
 * Builds a batch's summary from its files alone, so it works for any batch: running, finished or
 * interrupted.
 */
public final class BatchReport {
  private static final List<String> STATUSES =
      List.of("success", "error", "lost", "cancelled", "skipped", "running", "pending");
  private static final int MAX_TEXT = 200;
  private static final Duration HEARTBEAT_PATIENCE = Duration.ofSeconds(10);

  private BatchReport() {}

  /** The batch's manifest; a usage error when {@code dir} holds no batch. */
  public static BatchManifest manifest(BatchDir dir) {
    if (!dir.holdsBatch()) {
      throw new prodbridge.config.UsageException(
          dir.path()
              + ": not a batch directory (no batch.json); the batch"
              + " command prints its directory");
    }
    BatchManifest m = RunStore.read(dir.manifest(), BatchManifest.class);
    if (m == null) {
      throw new prodbridge.config.UsageException(dir.manifest() + ": unreadable batch manifest");
    }
    return m;
  }

  public static BatchSummary of(BatchDir dir, BatchManifest manifest) {
    List<JobRecord> records = new Journal(dir).records();
    Map<String, JobRecord> latest = new LinkedHashMap<>();
    records.forEach(r -> latest.put(r.jobId(), r));
    Set<String> running = runningEpisodes(dir, manifest, latest);
    Coordinator coordinator = Coordinator.read(dir);
    Map<String, Integer> counts = new LinkedHashMap<>();
    STATUSES.forEach(s -> counts.put(s, 0));
    Map<String, Integer> byType = new TreeMap<>();
    List<BatchSummary.NotDone> notDone = new ArrayList<>();
    int omitted = 0;
    for (BatchJob job : manifest.jobs()) {
      JobRecord r = latest.get(job.jobId());
      String status =
          r != null ? r.status().json() : running.contains(job.episodeId()) ? "running" : "pending";
      counts.merge(status, 1, Integer::sum);
      if (r == null || r.status() == JobStatus.SUCCESS) {
        continue;
      }
      if (r.errorType() != null && r.status().failed()) {
        byType.merge(r.errorType(), 1, Integer::sum);
      }
      if (notDone.size() < BatchSummary.MAX_LISTED) {
        notDone.add(
            new BatchSummary.NotDone(
                job.jobId(),
                job.seq(),
                job.line(),
                cut(job.topic(), 80),
                status,
                r.errorType(),
                cut(decidingLine(r.message()), MAX_TEXT),
                cut(r.skipReason() != null ? r.skipReason() : r.hint(), MAX_TEXT),
                r.runId(),
                r.runId() == null ? null : dir.runs().resolve(r.runId()).toString()));
      } else {
        omitted++;
      }
    }
    double cost = records.stream().mapToDouble(JobRecord::costOrZero).sum();
    Double wall = null;
    if (coordinator != null) {
      Instant end = coordinator.endedAt() == null ? Instant.now() : coordinator.endedAt();
      wall = Duration.between(coordinator.startedAt(), end).toMillis() / 1000.0;
    }
    return new BatchSummary(
        dir.path().toString(),
        state(coordinator, counts),
        manifest.executor(),
        coordinator == null ? null : coordinator.slurmJobId(),
        manifest.jobs().size(),
        counts,
        byType,
        Math.round(cost * 10000) / 10000.0,
        manifest.totalBudget(),
        wall,
        notDone,
        omitted,
        dir.journal().toString(),
        dir.joblog().toString(),
        Files.isRegularFile(dir.report()) ? dir.report().toString() : null,
        Files.isRegularFile(dir.reportChart()) ? dir.reportChart().toString() : null,
        "prod-bridge batch "
            + ShellWord.quote(manifest.inputFile())
            + " --batch-dir "
            + ShellWord.quote(dir.path().toString())
            + " --resume");
  }

  /** Replaces the batch's {@code summary.json} with {@code summary} (by rename). */
  public static void save(BatchDir dir, BatchSummary summary) throws IOException {
    prodbridge.runs.RunFiles.writeAtomically(
        dir.summary(), prodbridge.runs.ResultJson.write(summary));
  }

  private static String state(Coordinator c, Map<String, Integer> counts) {
    if (c == null) {
      return "interrupted";
    }
    if (c.alive() || (c.endedAt() == null && counts.get("running") > 0)) {
      return "running";
    }
    if (c.outcome() != null) {
      return c.outcome();
    }
    return "interrupted";
  }

  /**
   * Episodes of runs still going: runs without a record whose supervisor beat its heartbeat lately
   * (read, never judged lost from here: a Slurm task's supervisor lives on another node), and Slurm
   * claims not yet recorded.
   */
  private static Set<String> runningEpisodes(
      BatchDir dir, BatchManifest manifest, Map<String, JobRecord> latest) {
    Set<String> recordedRuns =
        latest.values().stream().map(JobRecord::runId).collect(Collectors.toSet());
    Set<String> episodes = new java.util.HashSet<>();
    Instant now = Instant.now();
    if (Files.isDirectory(dir.runs())) {
      try (Stream<Path> runs = Files.list(dir.runs())) {
        runs.filter(p -> !recordedRuns.contains(p.getFileName().toString()))
            .forEach(
                p -> {
                  RunState s = RunStore.read(new RunDir(p).state(), RunState.class);
                  if (s != null
                      && s.running()
                      && s.episodeId() != null
                      && s.heartbeat().plus(HEARTBEAT_PATIENCE).isAfter(now)) {
                    episodes.add(s.episodeId());
                  }
                });
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    for (Claim c : Journal.read(dir.claims(), Claim.class)) {
      if (!recordedRuns.contains(c.runId())
          && c.expiresAt().isAfter(now)
          && !Files.isDirectory(dir.runs().resolve(c.runId()))) {
        episodes.add(manifest.job(c.jobId()).episodeId());
      }
    }
    return episodes;
  }

  /**
   * The line of an error message that says most: its first non-blank line (the classifier puts it
   * first).
   */
  static String decidingLine(String message) {
    if (message == null) {
      return null;
    }
    return message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(null);
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
