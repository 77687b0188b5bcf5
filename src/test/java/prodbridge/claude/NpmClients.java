package prodbridge.claude;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real npm clients that .ci/run installs under target/clients (Claude Code's CLI, the MCP
 * Inspector). Missing outside CI, a test is skipped with a message saying how to get them; missing
 * under CI=true, it fails.
 */
final class NpmClients {
  static final Path DIR = Path.of("target", "clients", "node_modules", ".bin").toAbsolutePath();

  private NpmClients() {}

  static Path claude() {
    return require("claude");
  }

  static Path inspector() {
    return require("mcp-inspector");
  }

  private static Path require(String name) {
    Path bin = DIR.resolve(name);
    if (!Files.isExecutable(bin)) {
      String message =
          name + " is not installed in " + DIR + "; run .ci/npm-clients (as .ci/run does)";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      assumeTrue(false, message);
    }
    return bin;
  }
}
