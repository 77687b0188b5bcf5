package prodbridge.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import prodbridge.report.ResultView;
import prodbridge.report.TerminalText;
import prodbridge.runs.ResultJson;
import prodbridge.runs.RunStore;
import prodbridge.runs.RunView;

@Command(
    mixinStandardHelpOptions = true,
    name = "runs",
    description = "Recent runs, newest first (batch jobs' runs included), with filters.")
final class RunsCommand implements Callable<Integer> {
  /** How many run directories are read at most to fill a filtered list. */
  static final int MAX_SCANNED = 5000;

  @Option(
      names = "--limit",
      paramLabel = "N",
      converter = Converters.CountConverter.class,
      description = "How many (default 20, at most 1000).")
  int limit = 20;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Only runs in this state: running, success, error, cancelled, lost.")
  String status;

  @Option(
      names = "--command",
      paramLabel = "COMMAND",
      description =
          "Only runs of this command: prod-episode, prod-research, prod-script, prod-audio, run.")
  String command;

  @Option(
      names = "--episode-id",
      paramLabel = "ID",
      description =
          "Only the runs of this episode (research, script, audio...), with the episode's total cost.")
  String episodeId;

  @Option(
      names = "--since",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      description = "Only runs started less than this long ago, for example 2h or 7d as 168h.")
  Duration since;

  @Mixin StoreOptions options;

  private final Context context;

  RunsCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (status != null
        && !List.of("running", "success", "error", "cancelled", "lost").contains(status)) {
      throw new prodbridge.config.UsageException(
          "--status \"" + status + "\": expected running, success, error, cancelled or lost");
    }
    if (command != null && !prodbridge.config.ConfigLoader.COMMANDS.contains(command)) {
      throw new prodbridge.config.UsageException(
          "--command \""
              + command
              + "\": expected one of "
              + String.join(", ", prodbridge.config.ConfigLoader.COMMANDS));
    }
    RunStore store = options.store(context);
    Instant now = Instant.now();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (var dir : store.recent(MAX_SCANNED)) {
      Map<String, Object> r = row(store.look(dir), now);
      if (matches(r, now)) {
        rows.add(r);
        if (rows.size() == limit) {
          break;
        }
      }
    }
    OutputFormat f = options.format.in(context);
    Double episodeCost =
        episodeId == null
            ? null
            : Math.round(
                    rows.stream()
                            .mapToDouble(r -> r.get("cost") == null ? 0 : (Double) r.get("cost"))
                            .sum()
                        * 10000)
                / 10000.0;
    if (f == OutputFormat.JSON) {
      if (episodeId != null) {
        Map<String, Object> episode = new LinkedHashMap<>();
        episode.put("episode_id", episodeId);
        episode.put("total_cost", episodeCost);
        episode.put("runs", rows);
        context.out().println(ResultJson.write(episode));
      } else {
        context.out().println(ResultJson.write(rows));
      }
      return ExitCode.OK.code();
    }
    String format =
        f == OutputFormat.MARKDOWN
            ? "| %s | %s | %s | %s | %s | %s |%n"
            : "%-31s %-13s %-9s %8s %9s  %s%n";
    context
        .out()
        .printf(Locale.ROOT, format, "run id", "command", "status", "cost", "age", "topic");
    if (f == OutputFormat.MARKDOWN) {
      context.out().println("|---|---|---|---|---|---|");
    }
    for (Map<String, Object> r : rows) {
      context
          .out()
          .printf(
              Locale.ROOT,
              format,
              r.get("run_id"),
              r.get("command"),
              r.get("status"),
              r.get("cost") == null ? "-" : ResultView.money((Double) r.get("cost")),
              r.get("age_seconds") == null
                  ? "-"
                  : ResultView.seconds((Double) r.get("age_seconds")),
              r.get("topic") == null
                  ? ""
                  : LiveLine.fit(TerminalText.safe((String) r.get("topic")), 61));
    }
    if (episodeId != null) {
      context
          .out()
          .printf(
              Locale.ROOT,
              "episode %s: %d run%s, %s in all%n",
              episodeId,
              rows.size(),
              rows.size() == 1 ? "" : "s",
              ResultView.money(episodeCost));
    }
    if (rows.isEmpty()) {
      context
          .err()
          .println(
              "prod-bridge: no runs"
                  + (status != null || command != null || since != null || episodeId != null
                      ? " match"
                      : "")
                  + " in "
                  + store.root());
    }
    return ExitCode.OK.code();
  }

  private boolean matches(Map<String, Object> r, Instant now) {
    if (episodeId != null && !episodeId.equals(r.get("episode_id"))) {
      return false;
    }
    if (status != null && !status.equals(r.get("status"))) {
      return false;
    }
    if (command != null && !command.equals(r.get("command"))) {
      return false;
    }
    Object started = r.get("started_at");
    return since == null || started != null && ((Instant) started).isAfter(now.minus(since));
  }

  private static Map<String, Object> row(RunView v, Instant now) {
    boolean ended = v.ended();
    var s = v.state();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("run_id", v.runId());
    r.put("command", ended ? v.result().command() : s == null ? null : s.command());
    r.put("episode_id", ended ? v.result().episodeId() : s == null ? null : s.episodeId());
    r.put("topic", ended ? v.result().topic() : s == null ? null : s.topic());
    r.put(
        "status",
        v.alert() != null
            ? v.alert().status()
            : ended ? v.result().status().json() : s == null ? "unknown" : s.status());
    r.put(
        "error_type",
        ended && v.result().errorType() != null ? v.result().errorType().name() : null);
    r.put("cost", ended ? v.result().finalCost() : s == null ? null : s.cost());
    r.put("started_at", s == null ? null : s.startedAt());
    r.put("ended_at", s == null ? null : s.endedAt());
    r.put(
        "age_seconds", s == null ? null : Duration.between(s.startedAt(), now).toMillis() / 1000.0);
    r.put("run_dir", ended ? v.result().runDir() : s == null ? null : s.runDir());
    return r;
  }
}
