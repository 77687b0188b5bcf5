package prodbridge.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import prodbridge.runs.RunRequest;

@Command(
    mixinStandardHelpOptions = true,
    name = "run",
    description =
        "Supervise any command under a profile's limits: prod-bridge run [--profile NAME] -- CMD [ARGS...]")
final class RunCommand extends RunCommandBase {
  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "Profile whose limits apply (default: run).")
  String profile = "run";

  @Option(names = "--topic", paramLabel = "TOPIC", description = "A topic to record in the result.")
  String topic;

  @Parameters(
      arity = "1..*",
      paramLabel = "CMD",
      description = "The command and its arguments, passed verbatim.")
  List<String> commandLine;

  RunCommand(Context context) {
    super(context);
  }

  @Override
  RunRequest request() {
    return new RunRequest("run", profile, topic, options.episodeId, commandLine);
  }
}
