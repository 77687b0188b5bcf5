package prodbridge.fault;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import prodbridge.fault.FaultTrials.Verdict;
import prodbridge.fault.TrialBench.Finished;
import prodbridge.fault.TrialBench.Started;

/**
 * kill -9 of a batch coordinator at a random point, then {@code --resume}: each topic must be
 * produced exactly once, as counted by the children themselves (each appends its topic to {@code
 * done} as its very last act).
 */
final class BatchTrial {
  private BatchTrial() {}

  static void run(Random r, TrialBench bench, Verdict v) throws Exception {
    int n = 6 + r.nextInt(7);
    Path done = bench.dir().resolve("done");
    String script =
        FaultTrials.TREE
            + "sleep 0."
            + (2 + r.nextInt(5))
            + "; echo '{\"event\":\"done\",\"cost\":0.10}';"
            + " printf '%s\\n' \"$1\" >> '"
            + done
            + "'";
    Path config =
        Files.writeString(
            bench.dir().resolve("batch.json"),
            "{\"profiles\": {\"prod-episode\": {\"argv\": [\"bash\", \"-c\", "
                + quote(script)
                + ", \"fixture\", \"{topic}\"], \"budget\": 1.00, \"grace\": \"1s\", \"retry\": {\"max_attempts\": 1}}}}");
    List<String> topics = new ArrayList<>(List.of("topic"));
    for (int i = 1; i <= n; i++) {
      topics.add("Topic " + i);
    }
    Files.write(bench.dir().resolve("season.csv"), topics);
    String[] batch = {
      "batch",
      "season.csv",
      "--config",
      config.toString(),
      "--batch-dir",
      "b",
      "--parallel",
      "3",
      "--format",
      "json"
    };

    Started coordinator = bench.start(batch);
    int killAfter = 1 + r.nextInt(n / 2);
    long deadline = System.currentTimeMillis() + 120_000;
    while (counts(done).size() < killAfter
        && coordinator.process().isAlive()
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(r.nextInt(400));
    bench.signal(coordinator.process().pid(), "KILL");
    coordinator.process().waitFor();
    v.survivors +=
        bench.survivorsAfter(FaultTrials.GRACE_MILLIS + FaultTrials.MARGIN_MILLIS + 1000);

    List<String> resume = new ArrayList<>(List.of(batch));
    resume.add("--resume");
    Finished resumed = bench.run(resume.toArray(String[]::new));
    v.survivors += bench.survivorsAfter(FaultTrials.MARGIN_MILLIS);
    v.check(resumed.brokenPromise() == null, resumed.brokenPromise());
    JsonNode summary = resumed.json();
    v.check(
        summary != null && summary.path("counts").path("success").asInt() == n,
        "resumed batch: " + TrialBench.firstLines(resumed.stdout()));
    Map<String, Integer> counts = counts(done);
    for (int i = 1; i <= n; i++) {
      int produced = counts.getOrDefault("Topic " + i, 0);
      if (produced > 1) {
        v.lost++;
      }
      v.check(produced >= 1, "Topic " + i + " was never produced");
    }
  }

  private static Map<String, Integer> counts(Path done) throws java.io.IOException {
    Map<String, Integer> counts = new TreeMap<>();
    if (Files.exists(done)) {
      Files.readAllLines(done).forEach(t -> counts.merge(t, 1, Integer::sum));
    }
    return counts;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
