package prodbridge.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import prodbridge.batch.BatchDir;
import prodbridge.batch.BatchJob;
import prodbridge.batch.BatchManifest;
import prodbridge.batch.BatchReport;
import prodbridge.batch.BatchSummary;
import prodbridge.batch.JobRecord;
import prodbridge.batch.Journal;
import prodbridge.runs.ResultJson;
import prodbridge.runs.RunDir;
import prodbridge.runs.RunResult;
import prodbridge.runs.RunState;
import prodbridge.runs.RunStore;

/**
 * What a batch report draws, read from the batch's own files through the batch package's readers:
 * the summary, each job's latest journal record, its waits (the {@code held} and {@code started}
 * lines of the batch's events), and its peak memory (its run's result, else its last state). {@code
 * origin} is the first moment any of them records; every time in {@link JobRow} counts from it.
 */
record BatchFacts(String name, BatchSummary summary, List<JobRow> jobs, Instant origin) {

  static BatchFacts read(BatchDir dir) {
    BatchManifest manifest = BatchReport.manifest(dir);
    BatchSummary summary = BatchReport.of(dir, manifest);
    Map<String, JobRecord> latest = new Journal(dir).latest();
    Map<String, Wait> waits = waits(dir.events());
    Instant origin = null;
    for (JobRecord r : latest.values()) {
      origin = earliest(origin, r.startedAt());
    }
    for (Wait w : waits.values()) {
      origin = earliest(origin, w.from);
    }
    origin = origin == null ? Instant.EPOCH : origin;
    Instant from = origin;
    // each row reads its run's result: in parallel, since a large batch has thousands of them
    List<JobRow> rows =
        manifest.jobs().parallelStream()
            .map(job -> row(dir, job, latest.get(job.jobId()), waits.get(job.jobId()), from))
            .toList();
    return new BatchFacts(dir.path().getFileName().toString(), summary, rows, origin);
  }

  private static JobRow row(BatchDir dir, BatchJob job, JobRecord r, Wait wait, Instant origin) {
    Long limitMb = job.memoryLimitBytes() == null ? null : job.memoryLimitBytes() >> 20;
    Double waitFrom = wait == null ? null : seconds(origin, wait.from);
    String reason = wait == null ? null : wait.reason;
    if (r == null) {
      return new JobRow(
          job.seq(),
          job.jobId(),
          job.topic(),
          "pending",
          null,
          null,
          null,
          job.budget(),
          null,
          null,
          null,
          waitFrom,
          reason,
          null,
          limitMb,
          null);
    }
    boolean ran = r.runId() != null;
    Double start = ran ? seconds(origin, r.startedAt()) : null;
    Double end = seconds(origin, r.endedAt());
    Path runDir = ran ? dir.run(r.runId()).path() : null;
    String hint = r.skipReason() != null ? r.skipReason() : r.hint();
    return new JobRow(
        job.seq(),
        job.jobId(),
        job.topic(),
        r.status().json(),
        r.errorType(),
        hint,
        r.cost(),
        job.budget(),
        r.qualityScore(),
        start,
        end,
        waitFrom,
        reason,
        runDir == null ? null : peakMemory(runDir),
        limitMb,
        runDir == null ? null : runDir.toString());
  }

  private static Double peakMemory(Path runDir) {
    RunDir files = new RunDir(runDir);
    RunResult result = RunStore.read(files.result(), RunResult.class);
    if (result != null) {
      return result.peakMemoryMb() == null ? null : result.peakMemoryMb().doubleValue();
    }
    RunState state = RunStore.read(files.state(), RunState.class);
    return state == null || state.memoryMb() == null ? null : state.memoryMb().doubleValue();
  }

  /**
   * A job's latest wait: from its first {@code held} line after its previous start, for the reason
   * given.
   */
  private record Wait(Instant from, String reason) {}

  private static Map<String, Wait> waits(Path events) {
    Map<String, Wait> waits = new HashMap<>();
    Map<String, Wait> open = new HashMap<>();
    for (JsonNode e : jsonLines(events)) {
      String job = e.path("job_id").asText(null);
      if (job == null || !e.hasNonNull("ts")) {
        continue;
      }
      switch (e.path("kind").asText()) {
        case "held" ->
            open.putIfAbsent(
                job,
                new Wait(Instant.parse(e.get("ts").asText()), e.path("reason").asText("budget")));
        case "started" -> {
          Wait w = open.remove(job);
          if (w != null) {
            waits.put(job, w);
          } else {
            waits.remove(job);
          }
        }
        default -> {}
      }
    }
    waits.putAll(open);
    return waits;
  }

  private static List<JsonNode> jsonLines(Path file) {
    List<JsonNode> out = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      lines.forEach(
          l -> {
            try {
              out.add(ResultJson.mapper().readTree(l));
            } catch (IOException | RuntimeException torn) {
              // a torn last line: the others still count
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return out;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private static double seconds(Instant origin, Instant t) {
    return Duration.between(origin, t).toNanos() / 1e9;
  }
}
