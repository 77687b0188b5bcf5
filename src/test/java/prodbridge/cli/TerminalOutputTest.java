package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import prodbridge.report.TerminalText;
import prodbridge.testing.Bridge;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * What a terminal shows: the live line fits the width and leaves no stale row, log lines step
 * around it, and text from outside cannot drive the terminal. The width tests run the bridge in a
 * real pseudo-terminal (tmux) and read the screen back.
 */
@ExtendWith(NoLeftoverProcesses.class)
class TerminalOutputTest {
  @TempDir Path dir;

  @Test
  void controlCharactersAndEscapesInATopicAreShownNotObeyed() {
    assertThat(TerminalText.safe("a\u001b[31mred\u0007\r\nb\u200bc\u202e"))
        .isEqualTo("a\\e[31mred\\u0007\\r\\nb\\u200bc\\u202e");
    assertThat(TerminalText.safe("Why do we dream? · été 🌙"))
        .isEqualTo("Why do we dream? · été 🌙");
  }

  @Test
  void theRunsTableNeutralisesATopic() {
    CliHarness h = new CliHarness(dir);
    assertThat(h.run("run", "--topic", "\u001b[2J\u001b[31mred", "--", "true").exitCode()).isZero();
    String table = h.run("runs", "--format", "text").stdout();
    assertThat(table).startsWith("run id").contains("\\e[2J\\e[31mred").doesNotContain("\u001b");
  }

  @Test
  void aLogLineErasesTheLiveLineAndTheLineIsDrawnAgainAfterIt() {
    StringWriter err = new StringWriter();
    PrintWriter w = new PrintWriter(err);
    LiveLine line = new LiveLine(w, () -> 80);
    line.draw("[####....] 1/2");
    LiveLine.aside(
        () -> {
          w.print("12:00:00.000 WARN  x - something\n");
          w.flush();
        });
    line.clear();
    assertThat(err.toString())
        .isEqualTo(
            "\r\u001b[K[####....] 1/2"
                + "\r\u001b[K"
                + "12:00:00.000 WARN  x - something\n"
                + "[####....] 1/2"
                + "\r\u001b[K");
  }

  @Test
  void aLineLongerThanTheTerminalIsCutOneColumnShortOfTheEdge() {
    assertThat(LiveLine.fit("x".repeat(100), 50)).hasSize(49).endsWith("…");
    assertThat(LiveLine.fit("short", 50)).isEqualTo("short");
  }

  @ParameterizedTest
  @ValueSource(ints = {50, 80})
  void underARealTerminalTheRunsProgressLineNeverWrapsAndLeavesNoStaleRow(int columns)
      throws Exception {
    List<String> screens =
        inTmux(
            columns,
            List.of("REFERENCE_PIPELINE_PACE=0.003"),
            List.of("prod-episode", "Why do we dream?"));
    String last = screens.get(screens.size() - 1);
    assertThat(last).contains("prod-episode: succeeded").contains("EXIT=0");
    assertThat(last.lines()).as(last).noneMatch(l -> l.contains(" · 0:") || l.contains("running"));
    for (String screen : screens) {
      for (String row : screen.lines().filter(l -> l.startsWith("prod-episode ")).toList()) {
        assertThat(row.length()).as(screen).isLessThan(columns);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {50, 80})
  void underARealTerminalTheBatchBarFitsOneRowAndIsGoneAtTheEnd(int columns) throws Exception {
    Files.writeString(dir.resolve("season.txt"), "Dreams\nTides\nSalt\n");
    List<String> screens =
        inTmux(
            columns,
            List.of("REFERENCE_PIPELINE_PACE=0.002"),
            List.of("batch", "season.txt", "--parallel", "2"));
    String last = screens.get(screens.size() - 1);
    assertThat(last).contains("3 of 3 succeeded").contains("EXIT=0");
    assertThat(last.lines()).as(last).noneMatch(l -> l.contains(" ok · "));
    boolean sawBar = false;
    for (String screen : screens) {
      List<String> bars = screen.lines().filter(l -> l.contains(" ok · ")).toList();
      assertThat(bars).as(screen).hasSizeLessThanOrEqualTo(1);
      for (String bar : bars) {
        sawBar = true;
        assertThat(bar.length()).as(screen).isLessThan(columns);
      }
    }
    assertThat(sawBar).as("the bar was seen at least once").isTrue();
  }

  /**
   * Runs the bridge in a detached tmux session {@code columns} wide; returns the screens seen, the
   * last at its end.
   */
  private List<String> inTmux(int columns, List<String> env, List<String> args) throws Exception {
    String socket = "pb-" + ProcessHandle.current().pid() + "-" + columns;
    List<String> cmd = new ArrayList<>(List.of("env"));
    cmd.addAll(env);
    cmd.addAll(Bridge.command(dir, args.toArray(String[]::new)).command());
    String shell =
        "cd "
            + quote(dir.toString())
            + " && "
            + cmd.stream().map(TerminalOutputTest::quote).collect(Collectors.joining(" "))
            + " </dev/null; echo EXIT=$?; sleep 600";
    List<String> screens = new ArrayList<>();
    tmux(socket, "new-session", "-d", "-x", String.valueOf(columns), "-y", "50", shell);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (System.nanoTime() < deadline) {
        String screen = tmux(socket, "capture-pane", "-p");
        screens.add(screen);
        if (screen.contains("EXIT=")) {
          return screens;
        }
        Thread.sleep(150);
      }
      throw new AssertionError(
          "the bridge did not end in 180 s: " + screens.get(screens.size() - 1));
    } finally {
      tmux(socket, "kill-server");
    }
  }

  private static String tmux(String socket, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
