package prodbridge.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import prodbridge.runs.RunRequest;

@Command(
    mixinStandardHelpOptions = true,
    name = "prod-research",
    description = "Run the research stage only.")
final class ResearchCommand extends RunCommandBase {
  @Parameters(arity = "1..*", paramLabel = "TOPIC", description = "The topic to research.")
  List<String> topic;

  ResearchCommand(Context context) {
    super(context);
  }

  @Override
  RunRequest request() {
    return new RunRequest(
        "prod-research", "prod-research", joined(topic), options.episodeId, List.of());
  }
}
