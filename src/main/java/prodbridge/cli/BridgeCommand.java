package prodbridge.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "prod-bridge",
    mixinStandardHelpOptions = true,
    versionProvider = BridgeCommand.Version.class,
    description =
        "Runs a podcast production pipeline as a supervised child: limits, clean ends, a small JSON result.",
    subcommands = {
      EpisodeCommand.class,
      ResearchCommand.class,
      ScriptCommand.class,
      AudioCommand.class,
      RunCommand.class,
      ConfigCommand.class,
      StatusCommand.class,
      ResultCommand.class,
      LogsCommand.class,
      CancelCommand.class,
      RunsCommand.class,
      WatchCommand.class,
      McpCommand.class,
      SessionStartCommand.class,
      InstallPluginCommand.class,
      InstallCommandsCommand.class,
      BatchCommand.class,
      BatchStatusCommand.class,
      BatchCancelCommand.class,
      BatchJobCommand.class,
      ReportCommand.class,
      ClassifyCommand.class,
      PruneCommand.class,
      CompletionCommand.class,
      ReapCommand.class
    })
final class BridgeCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "missing command (prod-episode, prod-research, prod-script,"
            + " prod-audio, run, status, result, logs, cancel, runs, watch, mcp, install-plugin, batch, batch-status,"
            + " batch-cancel, report, config, classify, prune, completion); see prod-bridge --help");
  }

  static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws java.io.IOException {
      java.util.Properties p = new java.util.Properties();
      try (var in = BridgeCommand.class.getResourceAsStream("/prodbridge/version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "prod-bridge " + p.getProperty("version", "(built without Maven)"),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
