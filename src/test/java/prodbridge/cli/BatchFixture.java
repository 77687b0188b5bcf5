package prodbridge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A fast pipeline for batch tests: a bash child that notes its start and end on a timeline, sleeps,
 * reports a cost of $0.40 and, as its very last act, appends its topic to {@code done} (the child's
 * own side effect that proves how often each job really succeeded). Topics containing "fail" exit 1
 * instead.
 */
final class BatchFixture {
  final Path dir;

  BatchFixture(Path dir) {
    this.dir = dir;
  }

  /**
   * Writes the config file and returns its path; {@code extra} is more JSON for the profile (may be
   * empty).
   */
  Path config(double sleepSeconds, String extra) throws IOException {
    return config(sleepSeconds, extra, "");
  }

  /**
   * As {@link #config(double, String)}, with {@code prelude} (bash) run first, e.g. to start
   * grandchildren.
   */
  Path config(double sleepSeconds, String extra, String prelude) throws IOException {
    String script =
        prelude
            + "echo \"start $(date +%s%N)\" >> '"
            + dir.resolve("timeline")
            + "'; "
            + "sleep "
            + sleepSeconds
            + "; echo \"end $(date +%s%N)\" >> '"
            + dir.resolve("timeline")
            + "'; "
            + "case \"$1\" in *fail*) echo 'pipeline error: topic refused' >&2; exit 1;; esac; "
            + "echo '{\"event\":\"done\",\"cost\":0.40}'; printf '%s\\n' \"$1\" >> '"
            + dir.resolve("done")
            + "'";
    String json =
        "{\"profiles\": {\"prod-episode\": {\"argv\": [\"bash\", \"-c\", "
            + quote(script)
            + ", \"fixture\", \"{topic}\"], \"budget\": 1.00, \"grace\": \"2s\", \"retry\": {\"max_attempts\": 1}"
            + (extra.isEmpty() ? "" : ", " + extra)
            + "}}}";
    Path file = dir.resolve("fast.json");
    Files.writeString(file, json);
    return file;
  }

  Path topics(String name, int n) throws IOException {
    List<String> lines = new ArrayList<>(List.of("topic"));
    IntStream.rangeClosed(1, n).forEach(i -> lines.add("\"Topic " + i + ", with a comma\""));
    Path file = dir.resolve(name);
    Files.write(file, lines);
    return file;
  }

  /** How many times each topic's child finished with success, by its own count. */
  Map<String, Integer> doneCounts() throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    Path done = dir.resolve("done");
    if (Files.exists(done)) {
      Files.readAllLines(done).forEach(t -> counts.merge(t, 1, Integer::sum));
    }
    return counts;
  }

  /** The most children that were running at the same moment, from their own timeline. */
  int maxOverlap() throws IOException {
    List<long[]> events = new ArrayList<>();
    for (String l : Files.readAllLines(dir.resolve("timeline"))) {
      String[] p = l.split(" ");
      events.add(new long[] {Long.parseLong(p[1]), p[0].equals("start") ? 1 : -1});
    }
    events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    int now = 0;
    int max = 0;
    for (long[] e : events) {
      now += (int) e[1];
      max = Math.max(max, now);
    }
    return max;
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
