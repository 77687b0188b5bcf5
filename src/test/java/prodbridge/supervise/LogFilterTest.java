package prodbridge.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import prodbridge.classify.Redactor;

/** The log gets every byte, secrets rewritten, wherever the child's chunks happen to be cut. */
class LogFilterTest {
  @TempDir Path dir;

  private static final String TEXT =
      String.join(
          "\n",
          "2026-12-03 INFO worker started",
          "{\"event\": \"progress\", \"cost\": 0.5}",
          "   {\"event\": \"stage\", \"stage\": \"script\"}",
          "token limit reached, key rotation skipped, bearer of bad news",
          "export ANTHROPIC_API_KEY=sk-ant-api03-AbCdEfGhIjKlMnOp_qr",
          "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig",
          "DB_SECRET: hunter2hunter2",
          "x {not an event}",
          "caf\u00e9 \u2713 bytes kept",
          "last line without newline");

  /**
   * Writes {@code text} through a filter in chunks of {@code chunk} bytes; returns the file and the
   * events.
   */
  private String through(String text, int chunk, List<String> events) throws IOException {
    Path log = dir.resolve("out-" + chunk + ".log");
    LogFile file = new LogFile(log);
    LogFilter filter = new LogFilter(file, Redactor::redact, events::add);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int off = 0; off < bytes.length; off += chunk) {
      filter.accept(bytes, off, Math.min(chunk, bytes.length - off));
    }
    filter.finish();
    file.close();
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 7, 64, 65536})
  void scrubsSecretsAndTellsEventsWhateverTheChunks(int chunk) throws IOException {
    List<String> events = new ArrayList<>();
    String log = through(TEXT, chunk, events);

    String expected =
        TEXT.lines().map(Redactor::redact).reduce((a, b) -> a + "\n" + b).orElseThrow();
    assertThat(log).isEqualTo(expected);
    assertThat(log)
        .contains(
            "ANTHROPIC_API_KEY=[REDACTED]",
            "Bearer [REDACTED]",
            "DB_SECRET: [REDACTED]",
            "token limit reached, key rotation skipped, bearer of bad news",
            "caf\u00e9 \u2713 bytes kept");
    assertThat(events)
        .containsExactly(
            "{\"event\": \"progress\", \"cost\": 0.5}",
            "   {\"event\": \"stage\", \"stage\": \"script\"}");
  }

  @Test
  void keepsRandomBytesExactlyAndHoldsAtMostOneLinePiece() throws IOException {
    byte[] noise = new byte[300_000];
    new Random(7).nextBytes(noise);
    for (int i = 0; i < noise.length; i++) {
      if (noise[i] == '_' || (noise[i] | 0x20) == 'k' || (noise[i] | 0x20) == 'b') {
        noise[i] = 'x'; // no secret word by chance
      }
    }
    Path log = dir.resolve("noise.log");
    LogFile file = new LogFile(log);
    LogFilter filter = new LogFilter(file, Redactor::redact, line -> {});
    for (int off = 0; off < noise.length; off += 10_000) {
      filter.accept(noise, off, Math.min(10_000, noise.length - off));
    }
    filter.finish();
    file.close();
    assertThat(Files.readAllBytes(log)).isEqualTo(noise);
  }

  @Test
  void aLineLongerThan64KbReachesTheLogInPiecesBeforeItEnds() throws IOException {
    Path log = dir.resolve("long.log");
    LogFile file = new LogFile(log);
    LogFilter filter = new LogFilter(file, Redactor::redact, line -> {});
    byte[] piece = "a".repeat(50_000).getBytes(StandardCharsets.US_ASCII);
    filter.accept(piece, 0, piece.length);
    filter.accept(piece, 0, piece.length);
    assertThat(Files.size(log))
        .as("the first 64 KB, without waiting for a newline")
        .isEqualTo(64 * 1024);
    filter.finish();
    file.close();
    assertThat(Files.size(log)).isEqualTo(100_000);
  }

  @Test
  void aLogThatCannotBeWrittenDropsAndCountsWithoutThrowing() throws IOException {
    Path full = Path.of("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "/dev/full is needed");
    LogFile file = new LogFile(full);
    LogFilter filter = new LogFilter(file, Redactor::redact, line -> {});
    byte[] line = "some output line\n".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 10_000; i++) {
      filter.accept(line, 0, line.length);
    }
    filter.finish();
    file.close();
    LogFailure failure = file.failure();
    assertThat(failure).isNotNull();
    assertThat(failure.message()).containsIgnoringCase("no space");
    assertThat(failure.droppedBytes()).isPositive().isLessThanOrEqualTo(10_000L * line.length);
  }
}
