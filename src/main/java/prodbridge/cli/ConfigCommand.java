package prodbridge.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import prodbridge.config.ConfigJson;
import prodbridge.config.EffectiveConfig;
import prodbridge.config.ProfileSettings;

@Command(
    mixinStandardHelpOptions = true,
    name = "config",
    description = "Print the effective profiles as JSON.")
final class ConfigCommand implements Callable<Integer> {
  @Mixin ConfigMixin config;

  private final Context context;

  ConfigCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    EffectiveConfig c = config.load(context, ProfileSettings.NONE);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("pipeline", c.pipeline());
    view.put("runs_root", c.runsRoot().toString());
    view.put("output_root", c.outputRoot().toString());
    view.put("sources", c.sources());
    view.put("profiles", new TreeMap<>(c.profiles()));
    view.put(
        "error_rules",
        c.errorRules().rules().stream().map(r -> r.name() + ": " + r.type()).toList());
    context
        .out()
        .println(ConfigJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(view));
    return ExitCode.OK.code();
  }
}
