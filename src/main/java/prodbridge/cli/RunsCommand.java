package prodbridge.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import prodbridge.report.ResultView;
import prodbridge.runs.ResultJson;
import prodbridge.runs.RunStore;
import prodbridge.runs.RunView;

@Command(mixinStandardHelpOptions = true, name = "runs", description = "Recent runs, newest first.")
final class RunsCommand implements Callable<Integer> {
  @Option(names = "--limit", paramLabel = "N", description = "How many (default 20).")
  int limit = 20;

  @Mixin StoreOptions options;

  private final Context context;

  RunsCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    RunStore store = options.store(context);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (var dir : store.recent(Math.max(1, limit))) {
      rows.add(row(store.look(dir)));
    }
    if (context.formatOr(options.format) == OutputFormat.JSON) {
      context.out().println(ResultJson.write(rows));
      return 0;
    }
    for (Map<String, Object> r : rows) {
      context.out().printf("%-38s %-13s %-10s %8s %8s  %s%n", r.get("run_id"), r.get("command"), r.get("status"),
          r.get("cost") == null ? "-" : ResultView.money((Double) r.get("cost")),
          ResultView.seconds((Double) r.get("age_seconds")) + " ago", r.get("topic") == null ? "" : r.get("topic"));
    }
    return 0;
  }

  private static Map<String, Object> row(RunView v) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("run_id", v.runId());
    r.put("command", v.ended() ? v.result().command() : v.state() == null ? null : v.state().command());
    r.put("topic", v.ended() ? v.result().topic() : v.state() == null ? null : v.state().topic());
    r.put("status", v.alert() != null ? v.alert().status() : v.ended() ? v.result().status().json()
        : v.state() == null ? "unknown" : v.state().status());
    r.put("cost", v.ended() ? v.result().finalCost() : v.state() == null ? null : v.state().cost());
    Instant started = v.state() == null ? null : Instant.parse(v.state().startedAt());
    r.put("age_seconds", started == null ? 0.0 : Duration.between(started, Instant.now()).toMillis() / 1000.0);
    return r;
  }
}
