package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.Bridge;
import prodbridge.testing.CliRun;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * Following detached runs: watch's lines, status --wait's few lines, and what the next session is
 * told.
 */
@ExtendWith(NoLeftoverProcesses.class)
class RunFollowingTest {
  @TempDir Path dir;
  private final List<String> started = new java.util.ArrayList<>();

  @AfterEach
  void supervisorsGone() throws Exception {
    for (String runId : started) {
      long pid =
          Bridge.json(Files.readString(runDir(runId).resolve("state.json")))
              .get("supervisor_pid")
              .asLong();
      ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
    }
  }

  @Test
  void watchTellsEachStageOnceAndEndsWithTheOutcome() {
    String runId = start("0.004", "The moon's tides");
    CliRun watch = new CliHarness(dir).run("watch", runId);
    assertThat(watch.exitCode()).isZero();
    List<String> lines = watch.stdout().lines().toList();
    assertThat(lines).allMatch(l -> l.startsWith("prod-episode " + runId + ": "));
    assertThat(lines)
        .as(watch.stdout() + watch.stderr() + supervisorLog(runId))
        .hasSizeGreaterThan(3);
    assertThat(lines.get(0)).endsWith("started \"The moon's tides\" · budget $5.51");
    assertThat(lines)
        .filteredOn(l -> l.contains(": stage "))
        .extracting(l -> l.replaceAll(".*: stage (\\w+).*", "$1"))
        .containsSubsequence("research", "script", "audio")
        .doesNotHaveDuplicates();
    assertThat(lines.size()).isLessThan(25);
    assertThat(lines.get(lines.size() - 1))
        .contains(": succeeded · cost $")
        .contains("quality ")
        .containsPattern("\\d+ files$");
  }

  @Test
  void aFailedRunsLastWatchLineHasTheErrorTypeAndHint() {
    String runId = start("0", "x", "--timeout", "2s", "--grace", "1s", "--max-attempts", "1");
    CliRun watch = new CliHarness(dir).run("watch", runId);
    List<String> lines = watch.stdout().lines().toList();
    assertThat(lines.get(lines.size() - 1))
        .contains(": failed · ")
        .contains("error TIMEOUT_ERROR · hint: ")
        .contains("--timeout");
  }

  @Test
  void statusWaitWithoutATerminalWritesALineOnlyPerStage() {
    String runId = start("0.004", "Tides");
    CliRun status =
        new CliHarness(dir).run("status", runId, "--wait", "2m", "--format", "markdown");
    assertThat(status.stdout()).startsWith("**prod-episode** succeeded");
    List<String> progress = status.stderr().lines().toList();
    assertThat(progress).isNotEmpty().hasSizeLessThanOrEqualTo(6);
    assertThat(progress.stream().map(l -> l.replaceAll(".*running · (\\w+).*", "$1")).toList())
        .doesNotHaveDuplicates();
  }

  @Test
  void theNextSessionIsToldOnceOfARunNobodySawEnd() throws Exception {
    String unseen = start("0", "Nobody watched");
    String seen = start("0", "Watched");
    awaitResult(unseen);
    assertThat(new CliHarness(dir).run("status", seen, "--wait", "1m").exitCode()).isZero();
    assertThat(
            Bridge.json(Files.readString(runDir(unseen).resolve("session.json")))
                .get("session_id")
                .asText())
        .isEqualTo("session-1");

    CliRun told = new CliHarness(dir).run("session-start");
    assertThat(told.exitCode()).isZero();
    assertThat(told.stdout())
        .startsWith("prod-bridge: 1 run ended while no Claude Code session was watching:")
        .contains("- prod-episode " + unseen + ": succeeded")
        .doesNotContain(seen);
    assertThat(told.stdout().lines().count()).isLessThanOrEqualTo(4);
    assertThat(new CliHarness(dir).run("session-start").stdout()).isEmpty();
  }

  /**
   * Starts a detached run from a real bridge process, as a Claude Code session would (its session
   * id set).
   */
  private String start(String pace, String topic, String... flags) {
    List<String> args =
        new java.util.ArrayList<>(List.of("prod-episode", "--detach", "--format", "json", topic));
    args.addAll(List.of(flags));
    try {
      ProcessBuilder pb = Bridge.command(dir, args.toArray(String[]::new));
      pb.environment().put("REFERENCE_PIPELINE_PACE", pace);
      pb.environment().put("CLAUDE_CODE_SESSION_ID", "session-1");
      pb.environment().remove("REFERENCE_PIPELINE_SIMULATE");
      if (topic.equals("x")) {
        pb.environment().put("REFERENCE_PIPELINE_SIMULATE", "hang");
      }
      Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as(out).isZero();
      String runId = Bridge.json(out).get("run_id").asText();
      started.add(runId);
      return runId;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private void awaitResult(String runId) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!Files.exists(runDir(runId).resolve("result.json")) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  private String supervisorLog(String runId) {
    try {
      return Files.readString(runDir(runId).resolve("supervisor.log"));
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  private Path runDir(String runId) {
    return dir.resolve(".prod-bridge/runs").resolve(runId);
  }
}
