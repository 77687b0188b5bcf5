package prodbridge.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import prodbridge.config.EffectiveConfig;
import prodbridge.config.ProfileSettings;
import prodbridge.runs.Prune;
import prodbridge.runs.ResultJson;
import prodbridge.runs.RunStore;

@Command(
    mixinStandardHelpOptions = true,
    name = "prune",
    description =
        "Remove ended runs started, and episode directories last changed, more than --older-than ago;"
            + " running runs and episodes being produced are never touched.")
final class PruneCommand implements Callable<Integer> {
  @Option(
      names = "--older-than",
      required = true,
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      description = "Age to keep, for example 168h (a week).")
  Duration olderThan;

  @Option(names = "--dry-run", description = "List what would be removed; remove nothing.")
  boolean dryRun;

  @Mixin StoreOptions options;

  private final Context context;

  PruneCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    EffectiveConfig config = options.config.load(context, ProfileSettings.NONE);
    Prune prune =
        Prune.plan(
            new RunStore(config.runsRoot()), config.outputRoot(), Instant.now().minus(olderThan));
    if (!dryRun) {
      prune.apply();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dry_run", dryRun);
    out.put("runs", prune.runs().stream().map(p -> p.getFileName().toString()).toList());
    out.put("episodes", prune.episodes().stream().map(p -> p.getFileName().toString()).toList());
    out.put("bytes", prune.bytes());
    if (options.format.in(context) == OutputFormat.JSON) {
      context.out().println(ResultJson.write(out));
    } else {
      context
          .out()
          .printf(
              "%s %d runs and %d episodes (%.1f MB) older than %s%n",
              dryRun ? "would remove" : "removed",
              prune.runs().size(),
              prune.episodes().size(),
              prune.bytes() / 1048576.0,
              prodbridge.config.DurationText.format(olderThan));
    }
    return ExitCode.OK.code();
  }
}
