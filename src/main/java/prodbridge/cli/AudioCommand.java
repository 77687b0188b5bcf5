package prodbridge.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import prodbridge.config.UsageException;
import prodbridge.runs.RunRequest;

@Command(
    mixinStandardHelpOptions = true,
    name = "prod-audio",
    description = "Synthesise the audio of the script of --episode-id.")
final class AudioCommand extends RunCommandBase {
  @Parameters(
      arity = "0..*",
      paramLabel = "TOPIC",
      description = "Ignored by the reference pipeline; kept for the record.")
  List<String> topic;

  AudioCommand(Context context) {
    super(context);
  }

  @Override
  RunRequest request() {
    if (options.episodeId == null) {
      throw new UsageException(
          "prod-audio needs --episode-id of a run that produced a script (prod-script, prod-episode)");
    }
    return new RunRequest("prod-audio", "prod-audio", joined(topic), options.episodeId, List.of());
  }
}
