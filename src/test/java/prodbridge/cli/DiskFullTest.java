package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.CliRun;
import prodbridge.testing.NoLeftoverProcesses;

/**
 * A child that writes into a full file system is DISK_FULL (exit 24), and the hint says which file
 * system and how much is free. The writes really fail: {@code /dev/full} answers every write with
 * ENOSPC.
 */
@ExtendWith(NoLeftoverProcesses.class)
class DiskFullTest {
  @TempDir Path dir;

  @Test
  void aWriteIntoAFullDeviceIsDiskFullAndTheHintMeasuresTheFileSystemItNames() {
    CliRun run =
        new CliHarness(dir)
            .run("run", "--", "bash", "-c", "dd if=/dev/zero of=/dev/full bs=1k count=1 || exit 1");

    assertThat(run.exitCode()).as(run.stdout()).isEqualTo(24);
    JsonNode r = run.json();
    assertThat(r.get("error_type").asText()).isEqualTo("DISK_FULL");
    assertThat(r.get("error_message").asText()).contains("No space left on device");
    assertThat(r.get("hint").asText())
        .startsWith(
            "A write failed for lack of space. The file system holding /dev/full (mounted at /dev")
        .containsPattern(" has [0-9.]+ (B|KB|MB|GB|TB) free of [0-9.]+ (B|KB|MB|GB|TB)")
        .contains("free space where the write failed");
  }

  @Test
  void withoutAPathInTheTextTheHintMeasuresTheRunsOutputDirectory() {
    CliRun run =
        new CliHarness(dir)
            .run(
                "run",
                "--episode-id",
                "ep_full",
                "--",
                "bash",
                "-c",
                "echo segment > /dev/full || exit 1");

    assertThat(run.exitCode()).as(run.stdout()).isEqualTo(24);
    JsonNode r = run.json();
    assertThat(r.get("error_message").asText())
        .endsWith("echo: write error: No space left on device");
    String outputDir = dir.resolve("episodes").resolve("ep_full").toString();
    assertThat(r.get("hint").asText())
        .contains("The file system holding " + outputDir + " (mounted at ")
        .containsPattern(" free of [0-9.]+ (B|KB|MB|GB|TB)");
  }

  @Test
  void aJavaChildsRootCauseDecidesNotItsElisionLine() throws Exception {
    Path trace =
        Files.writeString(
            dir.resolve("trace.txt"),
            """
        Exception in thread "main" java.io.UncheckedIOException: failed to write episode
        \tat c.e.podcast.Writer.write(Writer.java:40)
        Caused by: java.io.IOException: No space left on device
        \tat java.base/sun.nio.ch.IOUtil.write(IOUtil.java:62)
        \t... 3 more
        """);
    CliRun run =
        new CliHarness(dir)
            .run("run", "--", "bash", "-c", "cat \"$1\" >&2; exit 1", "_", trace.toString());

    assertThat(run.exitCode()).isEqualTo(24);
    assertThat(run.json().get("error_message").asText())
        .isEqualTo("the command exited with code 1: java.io.IOException: No space left on device");
  }
}
