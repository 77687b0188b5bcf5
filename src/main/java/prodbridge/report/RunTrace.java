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
import java.util.List;
import prodbridge.runs.ResultJson;

/**
 * A run's {@code events.jsonl} as curves over the seconds since its first line: cost (samples and
 * child events that state one), the tree's memory (samples), the stages the child went through, and
 * when each attempt started. Lines that are torn or not JSON are skipped. {@code seconds} is the
 * span from the first line to the last.
 */
record RunTrace(
    List<Point> cost,
    List<Point> memory,
    List<StageSpan> stages,
    List<Double> attemptStarts,
    double seconds) {

  /** One value at {@code seconds} after the run's first event. */
  record Point(double seconds, double value) {}

  /**
   * A stage from its first mention to the next stage's (or the attempt's end); {@code attempt}
   * counts from 1.
   */
  record StageSpan(String stage, double from, double to, int attempt) {}

  static RunTrace read(Path events) {
    List<JsonNode> lines = lines(events);
    List<Point> cost = new ArrayList<>();
    List<Point> memory = new ArrayList<>();
    List<StageSpan> stages = new ArrayList<>();
    List<Double> attempts = new ArrayList<>();
    Instant t0 = null;
    double last = 0;
    String stage = null;
    double stageFrom = 0;
    int attempt = 1;
    for (JsonNode e : lines) {
      Instant t = Instant.parse(e.get("time").asText());
      t0 = t0 == null ? t : t0;
      double s = Duration.between(t0, t).toNanos() / 1e9;
      last = Math.max(last, s);
      String kind = e.path("kind").asText();
      if (kind.equals("attempt")) {
        if (stage != null) {
          stages.add(new StageSpan(stage, stageFrom, s, attempt));
          stage = null;
        }
        attempt = e.path("attempt").asInt(attempts.size() + 1);
        attempts.add(s);
      }
      if (e.hasNonNull("cost") && (kind.equals("sample") || kind.equals("child_event"))) {
        cost.add(new Point(s, e.get("cost").asDouble()));
      }
      if (kind.equals("sample") && e.hasNonNull("memory_mb")) {
        memory.add(new Point(s, e.get("memory_mb").asDouble()));
      }
      String now = e.hasNonNull("stage") ? e.get("stage").asText() : null;
      if (now != null && !now.equals(stage)) {
        if (stage != null) {
          stages.add(new StageSpan(stage, stageFrom, s, attempt));
        }
        stage = now;
        stageFrom = s;
      }
      if (kind.equals("state") && !e.path("state").asText().equals("running") && stage != null) {
        stages.add(new StageSpan(stage, stageFrom, s, attempt));
        stage = null;
      }
    }
    if (stage != null) {
      stages.add(new StageSpan(stage, stageFrom, last, attempt));
    }
    return new RunTrace(cost, memory, stages, attempts, last);
  }

  private static List<JsonNode> lines(Path events) {
    List<JsonNode> out = new ArrayList<>();
    if (!Files.isRegularFile(events)) {
      return out;
    }
    List<String> text;
    try {
      text = Files.readAllLines(events, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + events, e);
    }
    for (String l : text) {
      try {
        JsonNode n = ResultJson.mapper().readTree(l);
        if (n != null && n.hasNonNull("time")) {
          Instant.parse(n.get("time").asText());
          out.add(n);
        }
      } catch (IOException | RuntimeException torn) {
        // a line cut by a kill: the rest still draws
      }
    }
    return out;
  }
}
