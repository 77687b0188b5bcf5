package prodbridge.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's real Chromium, headless, for the report tests: each call is one browser with a fresh
 * profile, started as its own process group, every request it makes sent to {@code proxy}, and the
 * whole group killed when the call returns. Its environment carries this test JVM's run-id marker,
 * so {@link NoLeftoverProcesses} sees any piece of it that survives.
 */
public final class Chromium {
  private static final AtomicInteger CALLS = new AtomicInteger();
  private static final long PATIENCE_SECONDS = 90;

  private final Path binary;
  private final Path scratch;

  private Chromium(Path binary, Path scratch) {
    this.binary = binary;
    this.scratch = scratch;
  }

  /**
   * The browser, or the test skipped with a message when it is not installed (a failure under
   * CI=true).
   */
  public static Chromium require(Path scratch) {
    // Debian's launcher script adds Google API keys (and with them sign-in calls); its binary is
    // what it runs
    Path debian = Path.of("/usr/lib/chromium/chromium");
    if (Files.isExecutable(debian)) {
      return new Chromium(debian, scratch);
    }
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return new Chromium(p, scratch);
        }
      }
    }
    if ("true".equals(System.getenv("CI"))) {
      fail(
          "chromium is not installed; .ci/run installs Debian's chromium (apt-get install -y chromium)");
    }
    Assumptions.abort(
        "chromium is not installed (apt-get install -y chromium): the browser tests are skipped");
    return null;
  }

  /** A screenshot of {@code page} in a window of {@code width} by {@code height} pixels. */
  public Path screenshot(Path page, int width, int height, RequestRecorder proxy) throws Exception {
    Path png = scratch.resolve("screenshot-" + CALLS.incrementAndGet() + ".png");
    run(
        proxy,
        "--screenshot=" + png,
        "--window-size=" + width + "," + height,
        "--hide-scrollbars",
        page.toUri().toString());
    if (!Files.isRegularFile(png)) {
      fail("chromium wrote no screenshot of " + page);
    }
    return png;
  }

  /** The page's DOM after its scripts ran, as Chromium serialises it. */
  public String dumpDom(Path page, RequestRecorder proxy) throws Exception {
    return run(proxy, "--dump-dom", page.toUri().toString());
  }

  private String run(RequestRecorder proxy, String... args) throws Exception {
    int n = CALLS.incrementAndGet();
    Path profile = Files.createDirectories(scratch.resolve("chromium-profile-" + n));
    Path out = scratch.resolve("chromium-" + n + ".out");
    Path err = scratch.resolve("chromium-" + n + ".err");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "setsid",
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--proxy-server=http://127.0.0.1:" + proxy.port(),
                "--proxy-bypass-list=<-loopback>",
                // the browser's own calls home (time, updates, sign-in), which are not the page's
                // doing
                "--disable-extensions",
                "--disable-default-apps",
                "--no-pings",
                "--disable-domain-reliability",
                "--disable-client-side-phishing-detection",
                "--safebrowsing-disable-auto-update",
                "--disable-breakpad",
                "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,Translate,"
                    + "AutofillServerCommunication,CertificateTransparencyComponentUpdater"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Map<String, String> env = pb.environment();
    String marker = "PROD_BRIDGE_RUN_ID=test-" + ProcessHandle.current().pid() + "-chromium-" + n;
    env.put("PROD_BRIDGE_RUN_ID", marker.substring(marker.indexOf('=') + 1));
    env.put("HOME", profile.toString());
    Process p = pb.start();
    try {
      if (!p.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
        fail("chromium did not finish within " + PATIENCE_SECONDS + " s: " + Files.readString(err));
      }
      if (p.exitValue() != 0) {
        fail("chromium exited " + p.exitValue() + ": " + Files.readString(err));
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      end(p, marker);
    }
  }

  /**
   * Kills the browser and every process that carries this call's marker (its zygote and renderers,
   * reparented or not), and waits until none is left.
   */
  private static void end(Process p, String marker) throws InterruptedException {
    p.destroyForcibly();
    p.waitFor(10, TimeUnit.SECONDS);
    long deadline = System.currentTimeMillis() + 10_000;
    List<ProcessHandle> left = marked(marker);
    while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
      left.forEach(ProcessHandle::destroyForcibly);
      Thread.sleep(50);
      left = marked(marker);
    }
    if (!left.isEmpty()) {
      fail("chromium processes would not die: " + left);
    }
  }

  private static List<ProcessHandle> marked(String marker) {
    byte[] wanted = (marker + "\0").getBytes(StandardCharsets.UTF_8);
    return ProcessHandle.allProcesses()
        .filter(
            h -> {
              try {
                byte[] env =
                    Files.readAllBytes(Path.of("/proc", String.valueOf(h.pid()), "environ"));
                return indexOf(env, wanted) >= 0 && !zombie(h.pid());
              } catch (IOException | RuntimeException gone) {
                return false;
              }
            })
        .toList();
  }

  private static boolean zombie(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
    char state = stat.charAt(stat.lastIndexOf(')') + 2);
    return state == 'Z' || state == 'X';
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
