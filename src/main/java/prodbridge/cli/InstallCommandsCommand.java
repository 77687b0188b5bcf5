package prodbridge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;
import prodbridge.config.UsageException;

@Command(
    name = "install-commands",
    hidden = true,
    description = "Replaced by install-plugin (the slash commands are now a Claude Code plugin).")
final class InstallCommandsCommand implements Callable<Integer> {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Unmatched java.util.List<String> ignored;

  @Override
  public Integer call() {
    throw new UsageException(
        "install-commands was replaced by the Claude Code plugin: run 'prod-bridge"
            + " install-plugin' (this project) or 'prod-bridge install-plugin --scope user' (all your projects), or see"
            + " the README for 'claude plugin marketplace add'; the commands stay /prod-episode, /prod-status, ...");
  }
}
