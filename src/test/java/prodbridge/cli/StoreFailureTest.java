package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.CliRun;
import prodbridge.testing.NoLeftoverProcesses;
import prodbridge.testing.Tmpfs;

/**
 * A run store that fails is an error with one line and exit 4 (a JSON error on stdout for JSON),
 * never a stack trace; nothing is launched or left running, and reading a damaged store reports
 * what is wrong.
 */
@ExtendWith(NoLeftoverProcesses.class)
class StoreFailureTest {
  @TempDir Path dir;

  private CliRun run(Path runsRoot, String... args) {
    return new CliHarness(dir).with("PROD_BRIDGE_RUNS", runsRoot.toString()).run(args);
  }

  private static void assertStoreError(CliRun r, String type, String why) {
    int code = type.equals("DISK_FULL") ? 24 : 4;
    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(code);
    assertThat(r.stderr().strip().lines()).as("one line, no stack trace").hasSize(1);
    assertThat(r.stderr()).startsWith("prod-bridge: cannot ").contains(why);
    JsonNode e = r.json();
    assertThat(e.get("status").asText()).isEqualTo("error");
    assertThat(e.get("error_type").asText()).isEqualTo(type);
    assertThat(e.get("exit_code").asInt()).isEqualTo(code);
    assertThat(e.get("hint").asText()).contains("nothing was run");
  }

  /**
   * A runs root that cannot take a run at all is caught before anything starts: a usage error, like
   * any bad input.
   */
  private static void assertUnusableAtStart(CliRun r, String why) {
    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(2);
    assertThat(r.stderr().strip().lines()).as("one line, no stack trace").hasSize(1);
    assertThat(r.stderr()).startsWith("prod-bridge: runs root ").contains(why);
    JsonNode e = r.json();
    assertThat(e.get("error_type").asText()).isEqualTo("USAGE_ERROR");
    assertThat(e.get("exit_code").asInt()).isEqualTo(2);
  }

  @Test
  void aRunsRootThatIsAFileIsBadInputFoundBeforeAnythingStarts() throws Exception {
    Path file = Files.writeString(dir.resolve("runs"), "not a directory");
    CliRun r = run(file, "run", "--", "sh", "-c", "touch " + dir.resolve("ran"));
    assertUnusableAtStart(r, file + " is a file, not a directory");
    assertThat(Files.readString(file)).isEqualTo("not a directory");
    assertThat(dir.resolve("ran")).doesNotExist();
  }

  @Test
  void aReadOnlyRunsRootIsBadInputFoundBeforeAnythingStarts() throws Exception {
    try (Tmpfs ro = Tmpfs.mount(dir.resolve("ro"), "1m", true)) {
      CliRun r = run(ro.dir(), "run", "--", "sh", "-c", "touch " + dir.resolve("ran"));
      assertUnusableAtStart(r, ro.dir() + " is not writable by this user");
      assertThat(dir.resolve("ran")).doesNotExist();
    }
  }

  @Test
  void aFullRunsRootSaysWhichFileSystemAndHowMuchIsFree() throws Exception {
    try (Tmpfs full = Tmpfs.mount(dir.resolve("full"), "256k", false).fill()) {
      CliRun r = run(full.dir(), "run", "--", "sh", "-c", "touch " + dir.resolve("ran"));
      assertStoreError(r, "DISK_FULL", "the file system is full; file system " + full.dir());
      assertThat(r.stderr()).contains("KB free of 256 KB");
      assertThat(dir.resolve("ran")).doesNotExist();
      try (var left = Files.list(full.dir())) {
        assertThat(left.map(p -> p.getFileName().toString()).toList())
            .as("no half-made run")
            .containsOnly("filler");
      }
    }
  }

  @Test
  void aStoreThatFillsMidRunEndsTheTreeAndStillPrintsTheResult() throws Exception {
    try (Tmpfs small = Tmpfs.mount(dir.resolve("small"), "2m", false)) {
      String flood =
          "head -c 4000000 /dev/zero | tr '\\0' x; echo; echo '{\"status\":\"success\"}'";
      long t0 = System.nanoTime();
      CliRun r = run(small.dir(), "run", "--timeout", "60s", "--", "sh", "-c", flood);
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);

      assertThat(seconds).as("ended when the disk filled, not at the deadline").isLessThan(20);
      assertThat(r.stderr()).doesNotContain("\tat ").doesNotContain("internal error");
      JsonNode result = r.json();
      assertThat(result.get("status").asText()).isEqualTo("error");
      assertThat(result.get("error_message").asText())
          .contains("the file system is full")
          .contains(small.dir().toString());
      assertThat(result.get("error_type").asText()).isEqualTo("DISK_FULL");
      assertThat(result.get("hint").asText())
          .contains("free space")
          .contains(small.dir().toString());
      assertThat(r.exitCode()).isEqualTo(24);
      String id = result.get("run_id").asText();
      JsonNode status = run(small.dir(), "status", id, "--format", "json").json();
      assertThat(status.get("status").asText()).as("an honest final state").isEqualTo("error");
      assertThat(NoLeftoverProcesses.markedProcesses()).isEmpty();
    }
  }

  @Test
  void aTornStateFileIsReportedByStatusAndRuns() throws Exception {
    Path runs = dir.resolve("runs");
    String id = "20260101-000000-run-abcdef";
    Files.createDirectories(runs.resolve(id));
    Files.writeString(
        runs.resolve(id).resolve("state.json"), "{\"run_id\": \"" + id + "\", \"stat");

    CliRun status = run(runs, "status", id, "--format", "json");
    assertThat(status.exitCode()).as(status.stderr()).isZero();
    assertThat(status.json().get("status").asText()).isEqualTo("unknown");
    assertThat(status.json().get("message").asText()).contains("cannot be read");
    CliRun list = run(runs, "runs", "--format", "json");
    assertThat(list.exitCode()).as(list.stderr()).isZero();
    assertThat(list.json().get(0).get("status").asText()).isEqualTo("unknown");
  }

  @Test
  void anUnreadableRunsRootIsOneLineForRuns() throws Exception {
    Path runs = dir.resolve("runs");
    Files.createDirectories(runs);
    Files.setPosixFilePermissions(
        runs, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
    try {
      ProcessBuilder pb =
          new ProcessBuilder(
              "setpriv",
              "--reuid=65534",
              "--regid=65534",
              "--clear-groups",
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp",
              System.getProperty("java.class.path"),
              "prodbridge.cli.Main",
              "runs",
              "--format",
              "json");
      org.junit.jupiter.api.Assumptions.assumeTrue(
          "root".equals(System.getProperty("user.name")),
          "needs root to run the bridge as another user");
      pb.environment().put("PROD_BRIDGE_RUNS", runs.toString());
      CliRun r = finished(pb.directory(Path.of("/").toFile()));
      org.junit.jupiter.api.Assumptions.assumeFalse(
          r.stderr().contains("NoClassDefFoundError")
              || r.stderr().contains("Could not find or load main class"),
          "the class path is not readable by nobody");
      assertThat(r.exitCode()).as(r.stderr()).isEqualTo(4);
      assertThat(r.stderr().strip().lines()).hasSize(1);
      assertThat(r.stderr()).contains("permission denied");
    } finally {
      Files.setPosixFilePermissions(
          runs, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void aDeletedWorkingDirectoryIsOneLineNotAJvmError() throws Exception {
    Path gone = Files.createDirectories(dir.resolve("gone"));
    Path launcher = Path.of("src/main/launcher/prod-bridge").toAbsolutePath();
    ProcessBuilder pb =
        new ProcessBuilder(
            "sh",
            "-c",
            "cd \"$1\" && rmdir \"$1\" && exec sh \"$2\" status --format json",
            "sh",
            gone.toString(),
            launcher.toString());
    CliRun r = finished(pb);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stdout()).doesNotContain("Error occurred during initialization of VM");
    assertThat(r.json().get("error_type").asText()).isEqualTo("USAGE_ERROR");
    assertThat(r.stderr()).contains("prod-bridge: the working directory no longer exists");
  }

  private CliRun finished(ProcessBuilder pb) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new CliRun(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
