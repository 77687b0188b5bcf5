package prodbridge.report;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import prodbridge.batch.BatchDir;
import prodbridge.batch.BatchJob;
import prodbridge.batch.BatchManifest;
import prodbridge.runs.ResultJson;

/**
 * How long the report of a 10,000-job batch takes to build. Writes a synthetic batch (a season
 * produced 8 at a time: 93 % succeeded, 4 % failed, 1 % cancelled, 2 % skipped, one job in ten held
 * for budget, memory limits set) into {@code target/benchmark-report-10k}, builds its report three
 * times in this JVM (the first includes loading AWT and JFreeChart), and writes the figures to
 * {@code target/benchmark-report.txt}. Run with {@code mvn -B test -Dgroups=benchmark
 * -DexcludedGroups=none -Dtest=ReportBenchmark}.
 */
@Tag("benchmark")
class ReportBenchmark {
  static final int JOBS = 10_000;

  @Test
  void tenThousandJobs() throws Exception {
    Path root = Path.of("target/benchmark-report-10k").toAbsolutePath();
    BatchDir dir = new BatchDir(root);
    long t0 = System.nanoTime();
    write(dir);
    double generated = (System.nanoTime() - t0) / 1e9;
    List<Double> builds = new ArrayList<>();
    Reports.Written w = null;
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      w = Reports.batch(dir, null);
      builds.add((System.nanoTime() - t) / 1e9);
    }
    String figures =
        String.format(
            Locale.ROOT,
            "report of %,d jobs: first build %.2f s (cold: AWT and JFreeChart"
                + " load), then %.2f s and %.2f s; page %,d bytes, PNG %,d bytes; batch written in %.1f s at %s%n",
            JOBS,
            builds.get(0),
            builds.get(1),
            builds.get(2),
            Files.size(w.html()),
            Files.size(w.png()),
            generated,
            root);
    Files.writeString(Path.of("target/benchmark-report.txt"), figures);
    System.err.print(figures);
  }

  /** A finished batch of {@link #JOBS} jobs: manifest, journal, events and each run's result. */
  private static void write(BatchDir dir) throws Exception {
    Files.createDirectories(dir.runs());
    Random random = new Random(17);
    Instant start = Instant.parse("2026-11-20T22:00:00Z");
    List<BatchJob> jobs = new ArrayList<>();
    double[] laneFree = new double[8];
    try (BufferedWriter journal = Files.newBufferedWriter(dir.journal());
        BufferedWriter events = Files.newBufferedWriter(dir.events())) {
      for (int i = 1; i <= JOBS; i++) {
        String id = String.format(Locale.ROOT, "s%02de%03d", (i - 1) / 1000 + 1, (i - 1) % 1000);
        jobs.add(
            new BatchJob(
                i,
                id,
                i + 1,
                "Topic number " + i + ", with a comma",
                id,
                "prod-episode",
                5.51,
                8.0,
                5675,
                2048L << 20));
        int lane = 0;
        for (int l = 1; l < 8; l++) {
          lane = laneFree[l] < laneFree[lane] ? l : lane;
        }
        double begin = laneFree[lane] + random.nextDouble() * 3;
        double roll = random.nextDouble();
        String status =
            roll < 0.93 ? "success" : roll < 0.97 ? "error" : roll < 0.98 ? "cancelled" : "skipped";
        if (i % 10 == 0) {
          events.write(
              line(
                  Map.of(
                      "ts",
                      at(start, begin - 40),
                      "kind",
                      "held",
                      "job_id",
                      id,
                      "reason",
                      "budget")));
        }
        if (status.equals("skipped")) {
          journal.write(
              line(record(id, i, null, status, null, null, at(start, begin), at(start, begin), 0)));
          continue;
        }
        double seconds = 60 + random.nextDouble() * 1500;
        laneFree[lane] = begin + seconds;
        String runId = "20261120-2200-" + id;
        events.write(
            line(Map.of("ts", at(start, begin), "kind", "started", "job_id", id, "run_id", runId)));
        double cost =
            status.equals("success") ? 1.2 + random.nextDouble() : random.nextDouble() * 3;
        String errorType =
            status.equals("error")
                ? List.of("RATE_LIMITED", "TIMEOUT_ERROR", "BUDGET_EXCEEDED", "NETWORK_ERROR")
                    .get(random.nextInt(4))
                : status.equals("cancelled") ? "CANCELLED" : null;
        journal.write(
            line(
                record(
                    id,
                    i,
                    runId,
                    status,
                    errorType,
                    cost,
                    at(start, begin),
                    at(start, begin + seconds),
                    seconds)));
        Path run = Files.createDirectories(dir.runs().resolve(runId));
        Files.writeString(
            run.resolve("result.json"),
            String.format(
                Locale.ROOT,
                "{\"run_id\":\"%s\",\"status\":"
                    + "\"%s\",\"final_cost\":%.4f,\"budget\":5.51,\"execution_time\":%.1f,\"peak_memory_mb\":%d}",
                runId,
                status,
                cost,
                seconds,
                300 + random.nextInt(1700)));
      }
    }
    String now = at(start, 0);
    Files.writeString(
        dir.manifest(),
        ResultJson.write(
            new BatchManifest(
                "/srv/seasons.csv",
                "/srv",
                null,
                60000.0,
                null,
                8,
                "local",
                Instant.parse(now),
                jobs)));
    Files.writeString(
        dir.coordinator(),
        "{\"pid\":1,\"start_ticks\":1,\"host\":\"bench\",\"executor\":\"local\","
            + "\"slurm_job_id\":null,\"started_at\":\""
            + now
            + "\",\"ended_at\":\""
            + at(start, 2.0e6)
            + "\","
            + "\"outcome\":\"finished\"}");
  }

  private static Map<String, Object> record(
      String id,
      int seq,
      String runId,
      String status,
      String errorType,
      Double cost,
      String started,
      String ended,
      double seconds) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("job_id", id);
    r.put("seq", seq);
    r.put("topic", "Topic number " + seq + ", with a comma");
    r.put("command", "prod-episode");
    r.put("episode_id", id);
    r.put("run_id", runId);
    r.put("status", status);
    r.put("error_type", errorType);
    r.put("cost", cost == null ? null : Math.round(cost * 10000) / 10000.0);
    r.put("quality_score", status.equals("success") ? 8.5 : null);
    r.put("hint", errorType == null ? null : "what to do about " + errorType);
    r.put("skip_reason", status.equals("skipped") ? "total budget" : null);
    r.put("started_at", started);
    r.put("ended_at", ended);
    r.put("runtime_seconds", seconds);
    r.put("host", "bench");
    return r;
  }

  private static String at(Instant start, double seconds) {
    return start.plusNanos((long) (seconds * 1e9)).toString();
  }

  private static String line(Map<String, Object> fields) {
    return ResultJson.write(fields) + "\n";
  }
}
