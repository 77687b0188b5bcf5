package prodbridge.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import prodbridge.runs.RunRequest;

@Command(
    mixinStandardHelpOptions = true,
    name = "prod-episode",
    description = "Produce a full episode: research, script, audio, quality.")
final class EpisodeCommand extends RunCommandBase {
  @Parameters(
      arity = "1..*",
      paramLabel = "TOPIC",
      description = "The episode's topic (several words are joined).")
  List<String> topic;

  EpisodeCommand(Context context) {
    super(context);
  }

  @Override
  RunRequest request() {
    return new RunRequest(
        "prod-episode", "prod-episode", joined(topic), options.episodeId, List.of());
  }
}
