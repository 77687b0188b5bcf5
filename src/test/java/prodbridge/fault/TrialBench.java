package prodbridge.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import prodbridge.testing.Bridge;

/**
 * One trial's own directory and the tools to judge it: real bridge processes with their runs root
 * inside it, and the processes and runs that belong to it, found by the run marker and the
 * directory's path in their environment.
 */
final class TrialBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;
  private Path runsRoot;
  private int outputs;
  private final List<String> survivorNotes = new ArrayList<>();

  TrialBench(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.runsRoot = dir.resolve("runs");
  }

  Path dir() {
    return dir;
  }

  Path runsRoot() {
    return runsRoot;
  }

  void useRunsRoot(Path root) {
    runsRoot = root;
  }

  /** A started bridge; its stdout and stderr go to files of the trial. */
  record Started(Process process, Path out, Path err, long startNanos) {
    Finished await(long seconds) throws Exception {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        return new Finished(
            -1, read(out), read(err) + "\n(bridge did not finish in " + seconds + " s)");
      }
      return new Finished(process.exitValue(), read(out), read(err));
    }
  }

  /** A finished bridge's exit code and output. */
  record Finished(int exitCode, String stdout, String stderr) {
    JsonNode json() {
      try {
        return JSON.readTree(stdout);
      } catch (IOException e) {
        return null;
      }
    }

    /** A promise the bridge broke on its way out, or null: a stack trace, an internal error. */
    String brokenPromise() {
      if (stderr.contains("\tat ")
          || stderr.contains("internal error")
          || stdout.contains("\tat ")) {
        return "stack trace or internal error: " + firstLines(stderr);
      }
      return null;
    }
  }

  Started start(String... args) throws IOException {
    ProcessBuilder pb = Bridge.command(dir, args);
    pb.environment().remove("PROD_BRIDGE_CONFIG");
    pb.environment().put("PROD_BRIDGE_RUNS", runsRoot.toString());
    Path out = dir.resolve("bridge-" + (++outputs) + ".out");
    Path err = dir.resolve("bridge-" + outputs + ".err");
    long t0 = System.nanoTime();
    return new Started(
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err, t0);
  }

  Finished run(String... args) throws Exception {
    return start(args).await(120);
  }

  /** The state of run {@code runId}, or null while it cannot be read. */
  JsonNode state(String runId) {
    try {
      return JSON.readTree(runsRoot.resolve(runId).resolve("state.json").toFile());
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Waits until some run's state names a started child; returns that state, or null after {@code
   * millis}.
   */
  JsonNode awaitChild(long millis) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      for (Path run : runs()) {
        JsonNode s = state(run.getFileName().toString());
        if (s != null
            && s.path("child_pid").asLong() > 0
            && s.path("supervisor_pid").asLong() > 0) {
          return s;
        }
      }
      Thread.sleep(10);
    }
    return null;
  }

  List<Path> runs() throws IOException {
    if (!Files.isDirectory(runsRoot)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(runsRoot)) {
      return s.filter(p -> p.getFileName().toString().matches("\\d{8}-\\d{6}-.*")).toList();
    }
  }

  /**
   * Live processes of this trial's runs (marker plus this trial's path); with {@code kill},
   * SIGKILLs them.
   */
  List<Long> members(boolean kill) {
    List<Long> found = new ArrayList<>();
    byte[] path = dir.toString().getBytes(StandardCharsets.UTF_8);
    byte[] marker = "PROD_BRIDGE_RUN_ID=".getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      procs
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .forEach(
              p -> {
                try {
                  String stat = Files.readString(p.resolve("stat"));
                  char state = stat.charAt(stat.lastIndexOf(')') + 2);
                  byte[] env = Files.readAllBytes(p.resolve("environ"));
                  if (state != 'Z'
                      && state != 'X'
                      && contains(env, marker)
                      && contains(env, path)) {
                    found.add(Long.parseLong(p.getFileName().toString()));
                  }
                } catch (IOException | RuntimeException gone) {
                  // exited meanwhile
                }
              });
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    if (kill) {
      found.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }
    return found;
  }

  /**
   * Waits up to {@code millis} for this trial's keepers to end (a keeper, and the reap it becomes,
   * records a run whose supervisor died: until it has, such a run is still looked after, not
   * stuck); true when none is left.
   */
  boolean keepersEndWithin(long millis) throws InterruptedException {
    byte[] path = dir.toString().getBytes(StandardCharsets.UTF_8);
    byte[] marker = (prodbridge.supervise.Keeper.VARIABLE + "=").getBytes(StandardCharsets.UTF_8);
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (true) {
      boolean any;
      try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
        any =
            procs
                .filter(p -> p.getFileName().toString().matches("\\d+"))
                .anyMatch(
                    p -> {
                      try {
                        byte[] env = Files.readAllBytes(p.resolve("environ"));
                        return contains(env, marker) && contains(env, path);
                      } catch (IOException | RuntimeException gone) {
                        return false;
                      }
                    });
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      if (!any) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
  }

  /**
   * How many of this trial's processes are alive {@code millis} from now (and SIGKILLs them, not to
   * spill over).
   */
  int survivorsAfter(long millis) throws InterruptedException {
    Thread.sleep(millis);
    List<Long> left = members(false);
    left.forEach(pid -> survivorNotes.add(describe(pid)));
    members(true);
    return left.size();
  }

  /** The command lines of the survivors found so far, for the report. */
  List<String> survivorNotes() {
    return survivorNotes;
  }

  private static String describe(long pid) {
    try {
      String cmd =
          Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ').strip();
      return pid + " " + (cmd.length() > 80 ? cmd.substring(0, 80) + "..." : cmd);
    } catch (IOException e) {
      return pid + " (gone)";
    }
  }

  /** Runs whose state says running while no supervisor (pid and start time) is alive. */
  int stuckStates() throws IOException {
    int stuck = 0;
    for (Path run : runs()) {
      JsonNode s = state(run.getFileName().toString());
      if (s != null
          && "running".equals(s.path("status").asText())
          && !Files.exists(run.resolve("result.json"))
          && !alive(s.path("supervisor_pid").asLong(), s.path("supervisor_start_ticks").asLong())) {
        stuck++;
      }
    }
    return stuck;
  }

  /** Runs whose child exited 0 with its result, yet recorded as something other than a success. */
  int lostResults() throws IOException {
    int lost = 0;
    for (Path run : runs()) {
      try {
        JsonNode r = JSON.readTree(run.resolve("result.json").toFile());
        if (r.path("exit_code").isInt()
            && r.path("exit_code").asInt() == 0
            && !"success".equals(r.path("status").asText())
            && Files.readString(run.resolve("stdout.log")).contains("\"status\":\"success\"")) {
          lost++;
        }
      } catch (IOException missing) {
        // no result: judged by stuckStates
      }
    }
    return lost;
  }

  static boolean alive(long pid, long startTicks) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return f[0].charAt(0) != 'Z' && Long.parseLong(f[19]) == startTicks;
    } catch (IOException | RuntimeException gone) {
      return false;
    }
  }

  void signal(long pid, String signal) throws Exception {
    new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start().waitFor();
  }

  private static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p);
  }

  static String firstLines(String s) {
    return s.lines().limit(3).reduce((a, b) -> a + " | " + b).orElse("");
  }
}
