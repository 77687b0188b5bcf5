package prodbridge.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code child-exit.json}: how the latest attempt's child exited, written the moment it exits, before the result is
 * assembled. If the supervisor dies in between, this is what tells a child that finished by itself from one that
 * was still running, so a finished job is not run again.
 */
public record ChildExit(int attempt, int exitCode, String at) {
  static final String FILE = "child-exit.json";

  static void write(Path runDir, int attempt, int exitCode) {
    try {
      RunFiles.writeAtomically(runDir.resolve(FILE),
          ResultJson.write(new ChildExit(attempt, exitCode, Instant.now().toString())));
    } catch (IOException e) {
      // only a recovery after the supervisor's death needs it; the run itself goes on
    }
  }

  static ChildExit read(Path runDir) {
    return RunStore.read(runDir.resolve(FILE), ChildExit.class);
  }
}
