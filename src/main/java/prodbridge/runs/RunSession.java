package prodbridge.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which Claude Code session started a run ({@code session.json} in its directory), and whether
 * anyone has seen its end ({@code seen}, touched when a status, result, watch or MCP call shows the
 * final result), so the next session can be told about the runs that ended while nobody was
 * watching.
 */
public final class RunSession {
  /** The variable Claude Code (2.1.x) sets in its Bash tool's environment. */
  public static final String ENV = "CLAUDE_CODE_SESSION_ID";

  private RunSession() {}

  /** A run started from a session, ended and not yet seen. */
  public record Unseen(String runId, String sessionId, RunResult result) {}

  /** Records {@code sessionId} for the run in {@code dir}; does nothing when there is none. */
  public static void record(Path dir, String sessionId) throws IOException {
    if (sessionId == null || sessionId.isBlank()) {
      return;
    }
    RunFiles.writeAtomically(
        new RunDir(dir).session(),
        ResultJson.write(
            Map.of("session_id", sessionId.strip(), "recorded_at", Instant.now().toString())));
  }

  /** The session that started the run, or null. */
  public static String of(Path dir) {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = RunStore.read(new RunDir(dir).session(), Map.class);
    return m == null ? null : String.valueOf(m.get("session_id"));
  }

  /** Marks the run's end as seen; a failure to write only means it may be announced once more. */
  public static void markSeen(Path dir) {
    try {
      RunFiles.createPrivateFile(new RunDir(dir).seen());
    } catch (IOException e) {
      // best effort: at worst the next session hears of this run again
    }
  }

  /**
   * The ended, unseen runs among the {@code limit} most recent that a session started, newest
   * first.
   */
  public static List<Unseen> unseen(RunStore store, int limit) {
    List<Unseen> out = new ArrayList<>();
    for (Path dir : store.recent(limit)) {
      String session = of(dir);
      if (session == null || Files.exists(new RunDir(dir).seen())) {
        continue;
      }
      RunView view = store.look(dir);
      if (view.ended()) {
        out.add(new Unseen(view.runId(), session, view.result()));
      }
    }
    return out;
  }
}
