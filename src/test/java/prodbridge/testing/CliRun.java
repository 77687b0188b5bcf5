package prodbridge.testing;

import com.fasterxml.jackson.databind.JsonNode;

/** What one run of the CLI (in-process, or a real process) printed and returned. */
public record CliRun(int exitCode, String stdout, String stderr) {
  public JsonNode json() {
    return Bridge.json(stdout);
  }
}
