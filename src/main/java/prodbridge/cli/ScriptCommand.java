package prodbridge.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import prodbridge.config.UsageException;
import prodbridge.runs.RunRequest;

@Command(
    mixinStandardHelpOptions = true,
    name = "prod-script",
    description =
        "Write the script from the research of --episode-id (researching TOPIC first if there is none).")
final class ScriptCommand extends RunCommandBase {
  @Parameters(
      arity = "0..*",
      paramLabel = "TOPIC",
      description = "The topic, when there is no research yet.")
  List<String> topic;

  ScriptCommand(Context context) {
    super(context);
  }

  @Override
  RunRequest request() {
    String t = joined(topic);
    if (t == null && options.episodeId == null) {
      throw new UsageException(
          "prod-script needs a TOPIC or the --episode-id of an earlier prod-research or prod-episode run");
    }
    return new RunRequest("prod-script", "prod-script", t, options.episodeId, List.of());
  }
}
