package prodbridge.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The level of a log line, read from the formats Python, Java, structlog, loguru, rich and JSON
 * loggers write.
 */
class LogLevelTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '`',
      value = {
        "INFO:podcast.tts:Segment 4/20 done => INFO",
        "ERROR:podcast.tts:ElevenLabs rejected the key => ERROR",
        "2025-04-27 22:30:00,015 INFO     pkg.mod - Removed temp files after timeout => INFO",
        "2025-04-27 22:30:00,015 WARNING  pkg.mod - retrying => WARNING",
        "2025-04-27 22:30:00,015 - pkg.mod - INFO - cleanup => INFO",
        "2025-04-27 22:30:00,015 - pkg.mod - ERROR - stage failed => ERROR",
        "2025-04-27 22:30:00,015:INFO:pkg.mod:cleanup => INFO",
        "27/04/2025 10:30:00 PM INFO pkg.mod: cleanup => INFO",
        "[2025-04-27 22:30:00,015] INFO in app: started => INFO",
        "[2025-04-27 22:30:00,015][DEBUG][pkg.mod] socket closed => DEBUG",
        "12:00:00.123 [main] INFO  c.e.podcast.Main - shutting down => INFO",
        "12:00:00.123 [main] ERROR c.e.podcast.Main - rendering failed => ERROR",
        "2025-04-27 22:30:00.011 | INFO     | podcast.audio:render:88 - done => INFO",
        "2025-04-27 22:30:00 [info     ] budget check   spent=1.20 => INFO",
        "2025-04-27 22:30:00 [error    ] stage failed   stage=tts => ERROR",
        "timestamp=2025-04-27T22:30:00Z level=info event=shutdown => INFO",
        "event='stage failed' level='error' logger=podcast => ERROR",
        "`{\"timestamp\": \"2025-04-27T22:30:00Z\", \"level\": \"info\", \"event\": \"quota ok\"}` => INFO",
        "`{\"asctime\": \"2025-04-27 22:30:00,011\", \"levelname\": \"CRITICAL\", \"message\": \"x\"}` => CRITICAL",
        "`{\"level\":30,\"time\":1714257000000,\"msg\":\"request timed out\"}` => INFO",
        "I0427 22:30:00.030 140 graph.py:99] Killed 3 workers => INFO",
        "E0427 22:30:00.021 140 graph.py:91] Stage exceeded its deadline => ERROR",
        "`                    INFO     Saved checkpoint after connection reset     graph.py:95` => INFO",
        "INFO:     Shutting down => INFO",
        "Apr 27 22:30:00 host podcast[123]: INFO request timed out => INFO",
      })
  void readsTheLevelOfEachFormat(String line, LogLevel expected) {
    assertThat(LogLevel.of(line)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "httpx.ReadTimeout: The read operation timed out",
        "Error: Stage review failed: the model returned an empty list",
        "Run deadline of 1800s exceeded; stopping stages",
        "`  File \"/app/podcast/cli.py\", line 88, in main`",
        "HTTP Request: POST https://api.openai.com/v1/chat/completions \"HTTP/1.1 429 Too Many Requests\"",
        "Stage review produced an INFO block instead of segments",
        "During task with name 'tts' and id '7d1e4b9a'",
      })
  void aLineInNoLogFormatHasNoLevel(String line) {
    assertThat(LogLevel.of(line)).isNull();
  }
}
