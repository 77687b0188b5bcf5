package prodbridge.testing;

import com.fasterxml.jackson.databind.JsonNode;

/** What one in-process run of the CLI printed and returned. */
public record CliRun(int exitCode, String stdout, String stderr) {
  public JsonNode json() {
    return Bridge.json(stdout);
  }
}
