package prodbridge.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The structure of failure text: which exception ended the run, and which lines may decide its
 * class.
 */
class FailureTextTest {
  private static final List<Pattern> NOTES =
      List.of(Pattern.compile("^During task with name '[^']*' and id '[^']*'$"));

  @Test
  void theFinalExceptionLeavesItsNotesOutAndKeepsItsMessageLines() {
    FailureText t =
        FailureText.of(
            """
        Traceback (most recent call last):
          File "/app/a.py", line 3, in run
            raise ValidationError()
        pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings
        openai_api_key
          Field required [type=missing, input_value={}, input_type=dict]
        During task with name 'setup' and id '1b2c'
        2025-04-27 22:30:00,015 INFO     podcast - shutting down
        """,
            "",
            NOTES);

    assertThat(t.finalException())
        .isEqualTo(
            """
        pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings
        openai_api_key
          Field required [type=missing, input_value={}, input_type=dict]""");
    assertThat(t.raisedIn()).contains("File \"/app/a.py\", line 3, in run");
    assertThat(t.linesLatestFirst())
        .noneMatch(l -> l.startsWith("During task"))
        .noneMatch(l -> l.contains("INFO"));
  }

  @Test
  void theLastTracebackOfAChainDecidesAndItsSeparatorsAreNoEvidence() {
    FailureText t =
        FailureText.of(
            """
        Traceback (most recent call last):
          File "/app/a.py", line 3, in call
        httpx.ReadTimeout: The read operation timed out

        The above exception was the direct cause of the following exception:

        Traceback (most recent call last):
          File "/app/b.py", line 9, in stage
        podcast.StageFailed: tts
        """,
            "",
            NOTES);

    assertThat(t.finalException()).isEqualTo("podcast.StageFailed: tts");
    assertThat(t.linesLatestFirst())
        .containsExactly(
            "podcast.StageFailed: tts", "httpx.ReadTimeout: The read operation timed out");
  }

  @Test
  void aJavaTraceDecidesOnItsRootCauseNeverOnAnElision() {
    FailureText t =
        FailureText.of(
            """
        Exception in thread "main" java.io.UncheckedIOException: write failed
        \tat c.e.Writer.write(Writer.java:40)
        Caused by: java.io.IOException: No space left on device
        \tat java.base/sun.nio.ch.IOUtil.write(IOUtil.java:62)
        \t... 3 more
        """,
            "",
            NOTES);

    assertThat(t.finalException()).isEqualTo("java.io.IOException: No space left on device");
    assertThat(t.linesLatestFirst()).noneMatch(l -> l.contains("more") || l.contains("\tat "));
  }

  @Test
  void aSubExceptionOfAnExceptionGroupIsReadLikeATopLevelOne() {
    FailureText t =
        FailureText.of(
            """
          + Exception Group Traceback (most recent call last):
          |   File "/app/r.py", line 51, in gather
          | ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)
          +-+---------------- 1 ----------------
            | Traceback (most recent call last):
            |   File "/app/r.py", line 40, in fetch
            | httpx.ConnectError: [Errno 111] Connection refused
            +------------------------------------
        """,
            "",
            NOTES);

    assertThat(t.finalException()).isEqualTo("httpx.ConnectError: [Errno 111] Connection refused");
  }

  @Test
  void aLineAndTheIndentedLinesThatContinueItAreOneRecord() {
    FailureText t =
        FailureText.of(
            """
        loading settings
        pydantic.error_wrappers.ValidationError: 1 validation error for Settings
        perplexity_api_key
          field required (type=value_error.missing)
        2025-04-27 22:30:00,015 INFO     podcast - cleanup
          removed 3 files
        2025-04-27 22:30:00,016 ERROR    podcast - giving up
        """,
            "",
            NOTES);

    assertThat(t.finalException()).isNull();
    assertThat(t.linesLatestFirst())
        .containsExactly(
            "2025-04-27 22:30:00,016 ERROR    podcast - giving up",
            "pydantic.error_wrappers.ValidationError: 1 validation error for Settings\nperplexity_api_key\n"
                + "  field required (type=value_error.missing)",
            "loading settings");
  }

  @Test
  void colourCodesAndLowLevelLogLinesAreLeftOutWhereverTheyStand() {
    FailureText t =
        FailureText.of(
            "\u001b[31mERROR\u001b[0m:podcast:stage tts failed: 401\n\u001b[32mINFO\u001b[0m:podcast:timeout of pool\n",
            "12:00:00.123 [main] DEBUG x.Y - quota ok\nError: stage tts failed\n",
            NOTES);

    assertThat(t.linesLatestFirst())
        .containsExactly("ERROR:podcast:stage tts failed: 401", "Error: stage tts failed");
  }
}
