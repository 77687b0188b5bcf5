package prodbridge.mcp;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a prod-* run the way a slash command does: this program run again with {@code --detach},
 * so the run is its own detached process that nothing ties to the MCP server's life. Returns what
 * the bridge printed.
 */
final class RunStarter {
  /** What one start printed: the exit code, stdout (the JSON) and the last line of stderr. */
  record Started(int exitCode, String json, String error) {}

  private final List<String> bridge;
  private final Path workingDir;

  /**
   * {@code bridge} is the argv prefix that starts this program (its launcher, or java with its
   * class path).
   */
  RunStarter(List<String> bridge, Path workingDir) {
    this.bridge = List.copyOf(bridge);
    this.workingDir = workingDir;
  }

  Started start(String command, List<String> flags, String topic)
      throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(bridge);
    argv.addAll(List.of(command, "--detach", "--format", "json"));
    argv.addAll(flags);
    if (topic != null && !topic.isBlank()) {
      argv.add("--");
      argv.add(topic);
    }
    // Both streams go to files, so the 60 s wait bounds the whole start, however the bridge
    // behaves.
    Path out = Files.createTempFile("prod-bridge-mcp", ".out");
    Path err = Files.createTempFile("prod-bridge-mcp", ".err");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(argv)
              .directory(workingDir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      Map<String, String> env = pb.environment();
      env.remove("JAVA_TOOL_OPTIONS");
      Process p = pb.start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Started(1, "", "the bridge did not start the run within 60 s");
      }
      List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
      return new Started(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8).strip(),
          lines.isEmpty() ? "" : lines.get(lines.size() - 1));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
