package prodbridge.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import prodbridge.classify.ErrorType;
import prodbridge.runs.ResultJson;
import prodbridge.runs.RunFiles;
import prodbridge.runs.RunRecovery;
import prodbridge.runs.RunResult;
import prodbridge.runs.RunStatus;
import prodbridge.runs.RunStore;

/**
 * Records what a local batch's dead coordinator left, once its keeper has ended the jobs' trees:
 * every job that was started but has no journal line gets one. A job whose child had already exited
 * 0 is a success (its result is assembled from its files if the coordinator died before writing
 * it), a job that had ended otherwise keeps its result, and a job that was still running is
 * recorded CANCELLED, so {@code --resume} runs it again and only it.
 */
public final class BatchReap {
  private static final Logger log = LoggerFactory.getLogger(BatchReap.class);
  private static final long LOCK_PATIENCE_MILLIS = 30_000;

  private BatchReap() {}

  /**
   * Reaps the batch in {@code batchDir}; {@code env} is what its jobs are planned with. Returns
   * what it did.
   */
  public static Map<String, Object> reap(Path batchDir, Map<String, String> env)
      throws IOException, InterruptedException {
    BatchDir dir = new BatchDir(batchDir);
    BatchManifest manifest = BatchReport.manifest(dir);
    Path lockFile = dir.path().resolve("coordinator.lock");
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = ch.tryLock();
      long deadline = System.currentTimeMillis() + LOCK_PATIENCE_MILLIS;
      while (lock == null && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
        lock = ch.tryLock();
      }
      if (lock == null) {
        log.warn("batch {} is being run by another session; its journal is left to it", dir.path());
        return Map.of(
            "batch_dir",
            dir.path().toString(),
            "recorded",
            0,
            "note",
            "another session holds the batch");
      }
      return recordUnfinished(dir, manifest, env);
    }
  }

  private static Map<String, Object> recordUnfinished(
      BatchDir dir, BatchManifest manifest, Map<String, String> env) throws IOException {
    Journal journal = new Journal(dir);
    Set<String> recorded =
        journal.records().stream().map(JobRecord::runId).collect(Collectors.toSet());
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : startedRuns(dir).entrySet()) {
      String runId = e.getKey();
      if (recorded.contains(runId)) {
        continue;
      }
      JsonNode started = e.getValue();
      BatchJob job = manifest.job(started.get("job_id").asText());
      JobRecord r =
          record(dir, manifest, job, runId, Instant.parse(started.get("ts").asText()), env);
      journal.append(r, JobRun.commandLine(job));
      counts.merge(r.status().json(), 1, Integer::sum);
      log.info(
          "job {} (run {}) recorded {} after the coordinator's death",
          job.jobId(),
          runId,
          r.status().json());
    }
    Coordinator c = Coordinator.read(dir);
    if (c != null && c.endedAt() == null && "local".equals(c.executor())) {
      c.ended("interrupted").write(dir);
    }
    RunFiles.writeAtomically(dir.summary(), ResultJson.write(BatchReport.of(dir, manifest)));
    new BatchEvents(dir).write("reaped", new LinkedHashMap<>(counts));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("batch_dir", dir.path().toString());
    out.put("recorded", counts);
    return out;
  }

  private static JobRecord record(
      BatchDir dir,
      BatchManifest manifest,
      BatchJob job,
      String runId,
      Instant started,
      Map<String, String> env) {
    Path runDir = dir.run(runId).path();
    Instant now = Instant.now();
    RunResult result = null;
    if (Files.isDirectory(runDir)) {
      try {
        result =
            RunRecovery.ofSucceededChild(JobRun.plan(dir, manifest, job, runId, env))
                .orElseGet(() -> new RunStore(dir.runs()).look(runDir).result());
      } catch (RuntimeException e) {
        log.error(
            "job {} (run {}) could not be read back ({}); recorded cancelled so --resume runs it",
            job.jobId(),
            runId,
            e.toString());
      }
    }
    if (result != null && result.status() != RunStatus.LOST) {
      return JobRun.record(job, result, started, now);
    }
    ErrorType type = ErrorType.CANCELLED;
    return JobRecord.of(job)
        .runId(runId)
        .status(JobStatus.CANCELLED)
        .error(type)
        .cost(result == null ? null : result.finalCost())
        .hint(
            "The batch's coordinator died while this job ran; its keeper ended the job's processes. --resume runs"
                + " it again.")
        .message("the batch's coordinator died while the job ran")
        .span(started, now)
        .host(Host.name())
        .build();
  }

  /** Run id to its "started" event, for every job any local session of the batch started. */
  private static Map<String, JsonNode> startedRuns(BatchDir dir) throws IOException {
    Map<String, JsonNode> started = new LinkedHashMap<>();
    if (!Files.exists(dir.events())) {
      return started;
    }
    for (String line : Files.readAllLines(dir.events())) {
      try {
        JsonNode n = ResultJson.mapper().readTree(line);
        if (n != null && "started".equals(n.path("kind").asText()) && n.hasNonNull("run_id")) {
          started.put(n.get("run_id").asText(), n);
        }
      } catch (IOException torn) {
        // a line cut by the coordinator's death
      }
    }
    return started;
  }
}
