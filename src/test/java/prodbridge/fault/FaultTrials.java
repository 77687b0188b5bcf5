package prodbridge.fault;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import prodbridge.fault.TrialBench.Finished;
import prodbridge.fault.TrialBench.Started;
import prodbridge.testing.Tmpfs;

/** How each kind of fault is injected into real bridge processes, and what it must not break. */
final class FaultTrials {
  /**
   * Members that try to escape: TERM-ignoring, double-forked, setsid'd, setpgid'd (job control),
   * pipe-holding.
   */
  static final String TREE =
      "(trap '' TERM; exec sleep 300) & ( (sleep 301 &) & ) ; setsid sleep 302 &"
          + " (set -m; sleep 303 & wait) & sleep 304 & ";

  static final String SUCCESS = "echo '{\"status\":\"success\"}'";

  /** The grace every trial gives, and the margin the issue allows on top of it. */
  static final long GRACE_MILLIS = 1000;

  static final long MARGIN_MILLIS = 1000;

  private FaultTrials() {}

  static TrialResult run(FaultKind kind, long seed, TrialBench bench) throws Exception {
    Random r = new Random(seed);
    Verdict v = new Verdict();
    switch (kind) {
      case HOSTILE_TREE_DEADLINE -> {
        Finished f =
            bench.run(
                "run",
                "--format",
                "json",
                "--grace",
                "1s",
                "--timeout",
                (1 + r.nextInt(3)) + "s",
                "--",
                "bash",
                "-c",
                TREE + "echo started; sleep 310");
        v.survivors = bench.survivorsAfter(GRACE_MILLIS + MARGIN_MILLIS);
        v.expect(f, 11, "TIMEOUT_ERROR");
      }
      case EARLY_EXIT -> {
        Finished f =
            bench.run(
                "run",
                "--format",
                "json",
                "--grace",
                "1s",
                "--",
                "bash",
                "-c",
                TREE + "sleep 0." + r.nextInt(10) + "; " + SUCCESS);
        v.survivors = bench.survivorsAfter(GRACE_MILLIS + MARGIN_MILLIS);
        v.expect(f, 0, null);
      }
      case SIGNAL_AT_RANDOM -> {
        String sig = List.of("TERM", "INT", "HUP").get(r.nextInt(3));
        Started s =
            bench.start(
                "run", "--format", "json", "--grace", "1s", "--", "bash", "-c", TREE + "sleep 60");
        Thread.sleep(r.nextInt(3000));
        bench.signal(s.process().pid(), sig);
        Finished f = s.await(60);
        v.survivors = bench.survivorsAfter(GRACE_MILLIS + MARGIN_MILLIS);
        if (f.stdout().isBlank()) {
          v.check(f.exitCode() >= 128, "no result and exit " + f.exitCode() + " after SIG" + sig);
          v.check(f.brokenPromise() == null, f.brokenPromise());
        } else {
          v.expect(f, 12, "CANCELLED");
        }
      }
      case CANCEL_AT_EXIT -> {
        Started s =
            bench.start(
                "run",
                "--format",
                "json",
                "--grace",
                "1s",
                "--",
                "bash",
                "-c",
                "sleep 0.3; " + SUCCESS);
        JsonNode state = bench.awaitChild(60_000);
        v.check(state != null, "the child never started");
        Thread.sleep(260 + r.nextInt(80));
        bench.signal(s.process().pid(), "TERM");
        Finished f = s.await(60);
        v.survivors = bench.survivorsAfter(MARGIN_MILLIS);
        JsonNode result = f.json();
        v.check(result != null, "no JSON result: " + TrialBench.firstLines(f.stderr()));
        if (result != null
            && result.path("exit_code").isInt()
            && result.path("exit_code").asInt() == 0) {
          v.check(
              "success".equals(result.path("status").asText()),
              "exit 0 recorded " + result.path("status"));
        }
      }
      case KILL9_DETACHED -> {
        Finished d =
            bench.run(
                "run",
                "--detach",
                "--format",
                "json",
                "--grace",
                "1s",
                "--",
                "bash",
                "-c",
                TREE + "sleep 60");
        String id = d.json() == null ? null : d.json().path("run_id").asText();
        JsonNode state = bench.awaitChild(60_000);
        v.check(id != null && state != null, "the detached run never started its child");
        if (state != null) {
          Thread.sleep(r.nextInt(1500));
          bench.signal(state.path("supervisor_pid").asLong(), "KILL");
          Thread.sleep(200);
          Finished st = bench.run("status", id, "--format", "json");
          v.survivors = bench.survivorsAfter(MARGIN_MILLIS);
          v.check(
              st.json() != null && "lost".equals(st.json().path("status").asText()),
              "status after kill -9: " + st.stdout());
        }
      }
      case KILL9_FOREGROUND -> {
        Started s =
            bench.start(
                "run", "--format", "json", "--grace", "1s", "--", "bash", "-c", TREE + "sleep 60");
        JsonNode state = bench.awaitChild(60_000);
        v.check(state != null, "the child never started");
        Thread.sleep(r.nextInt(1500));
        bench.signal(s.process().pid(), "KILL");
        s.process().waitFor();
        v.survivors = bench.survivorsAfter(GRACE_MILLIS + MARGIN_MILLIS);
        v.check(
            bench.keepersEndWithin(30_000),
            "the keeper was still there 30 s after its supervisor's kill -9");
      }
      case KILL9_BATCH -> {
        BatchTrial.run(r, bench, v);
      }
      case MEMORY_SPIKE -> {
        Finished f =
            bench.run(
                "run",
                "--format",
                "json",
                "--grace",
                "1s",
                "--memory-limit",
                "64MB",
                "--",
                "bash",
                "-c",
                TREE
                    + "x=$(head -c "
                    + (150 + r.nextInt(100))
                    + "000000 /dev/zero | tr '\\0' a); sleep 30");
        v.survivors = bench.survivorsAfter(GRACE_MILLIS + MARGIN_MILLIS);
        v.expect(f, 13, "MEMORY_ERROR");
      }
      case OUTPUT_FLOOD -> {
        Finished f =
            bench.run(
                "run",
                "--format",
                "json",
                "--grace",
                "1s",
                "--",
                "sh",
                "-c",
                "head -c "
                    + (10 + r.nextInt(40))
                    + "000000 /dev/zero | tr '\\0' y; echo; "
                    + SUCCESS);
        v.survivors = bench.survivorsAfter(MARGIN_MILLIS);
        v.expect(f, 0, null);
        v.check(f.stdout().length() < 8192, "result of " + f.stdout().length() + " bytes");
      }
      case HOSTILE_STORE -> hostileStore(r, bench, v);
      case STORE_FILLS_MID_RUN -> {
        try (Tmpfs small = Tmpfs.mount(bench.dir().resolve("small"), "2m", false)) {
          bench.useRunsRoot(small.dir());
          long t0 = System.nanoTime();
          Finished f =
              bench.run(
                  "run",
                  "--format",
                  "json",
                  "--grace",
                  "1s",
                  "--timeout",
                  "60s",
                  "--",
                  "sh",
                  "-c",
                  "head -c "
                      + (3 + r.nextInt(5))
                      + "000000 /dev/zero | tr '\\0' x; echo; "
                      + SUCCESS);
          v.check(
              (System.nanoTime() - t0) / 1_000_000_000L < 30,
              "the run was not ended when the disk filled");
          v.survivors = bench.survivorsAfter(GRACE_MILLIS + MARGIN_MILLIS);
          v.expectStatus(f, "error");
          v.check(
              f.json() != null && f.json().path("error_message").asText().contains("full"),
              "the result does not say the disk is full: " + f.stdout());
          v.stuck = bench.stuckStates();
          v.lost = bench.lostResults();
        }
        return v.result(kind, seed);
      }
      case CONCURRENT_DETACHED -> {
        List<String> ids = new ArrayList<>();
        for (int i = 0, n = 2 + r.nextInt(3); i < n; i++) {
          JsonNode d =
              bench
                  .run(
                      "run",
                      "--detach",
                      "--format",
                      "json",
                      "--grace",
                      "1s",
                      "--",
                      "bash",
                      "-c",
                      TREE + "sleep 0." + r.nextInt(10) + "; " + SUCCESS)
                  .json();
          v.check(d != null, "a detached start printed no JSON");
          if (d != null) {
            ids.add(d.path("run_id").asText());
          }
        }
        for (String id : ids) {
          JsonNode st = bench.run("status", id, "--wait", "90s", "--format", "json").json();
          v.check(
              st != null && "success".equals(st.path("status").asText()), "run " + id + ": " + st);
        }
        v.survivors = bench.survivorsAfter(GRACE_MILLIS + MARGIN_MILLIS);
      }
      default -> throw new IllegalArgumentException(kind.name());
    }
    v.stuck = bench.stuckStates();
    v.lost += bench.lostResults();
    v.check(bench.survivorNotes().isEmpty(), "survivors: " + bench.survivorNotes());
    return v.result(kind, seed);
  }

  private static void hostileStore(Random r, TrialBench bench, Verdict v) throws Exception {
    boolean root = "root".equals(System.getProperty("user.name"));
    int which = root ? r.nextInt(3) : 0;
    Path ran = bench.dir().resolve("ran");
    String[] args = {"run", "--format", "json", "--", "sh", "-c", "touch " + ran};
    Finished f;
    if (which == 0) {
      Path file = Files.writeString(bench.dir().resolve("root-is-a-file"), "x");
      bench.useRunsRoot(file);
      f = bench.run(args);
    } else {
      try (Tmpfs fs = Tmpfs.mount(bench.dir().resolve("fs"), "256k", which == 1)) {
        if (which == 2) {
          fs.fill();
        }
        bench.useRunsRoot(fs.dir());
        f = bench.run(args);
      }
    }
    // A root that is a file or read-only is bad input found before anything starts (exit 2); a full
    // one is DISK_FULL.
    int code = which == 2 ? 24 : 2;
    v.check(
        f.exitCode() == code,
        "exit " + f.exitCode() + ", not " + code + ": " + TrialBench.firstLines(f.stderr()));
    v.check(
        f.stderr().strip().lines().count() == 1,
        "not one line on stderr: " + TrialBench.firstLines(f.stderr()));
    v.check(
        f.json() != null
            && f.json()
                .path("error_type")
                .asText()
                .equals(which == 2 ? "DISK_FULL" : "USAGE_ERROR"),
        "no JSON error of the right type: " + f.stdout());
    v.check(!Files.exists(ran), "the child ran");
    v.survivors = bench.survivorsAfter(0);
  }

  /** What a trial found, built up as it goes. */
  static final class Verdict {
    int survivors;
    int lost;
    int stuck;
    String problem;

    void check(boolean ok, String what) {
      if (!ok && problem == null) {
        problem = what;
      }
    }

    void expect(Finished f, int exitCode, String errorType) {
      check(f.brokenPromise() == null, f.brokenPromise());
      JsonNode j = f.json();
      check(j != null, "no JSON result: " + TrialBench.firstLines(f.stderr()));
      check(
          f.exitCode() == exitCode,
          "exit "
              + f.exitCode()
              + ", expected "
              + exitCode
              + ": "
              + (j == null ? "" : j.path("error_message").asText()));
      if (j != null) {
        check(
            errorType == null
                ? j.path("error_type").isNull()
                : errorType.equals(j.path("error_type").asText()),
            "error type " + j.path("error_type") + ", expected " + errorType);
      }
    }

    void expectStatus(Finished f, String status) {
      check(f.brokenPromise() == null, f.brokenPromise());
      check(
          f.json() != null && status.equals(f.json().path("status").asText()),
          "status " + f.stdout());
    }

    TrialResult result(FaultKind kind, long seed) {
      return new TrialResult(kind, seed, survivors, lost, stuck, problem);
    }
  }
}
