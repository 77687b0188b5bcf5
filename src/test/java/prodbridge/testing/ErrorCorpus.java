package prodbridge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The public corpus of labelled failures: the shared sample (a copy of
 * shared/corpus/errors-sample.jsonl), our own precedence traps, and the cases taken from what the
 * real libraries print (each with its {@code source}). A case is what a child that exited by itself
 * left: {@code exit_code}, {@code stderr}, {@code stdout_tail}, and its {@code label} (an error
 * class, or SUCCESS).
 */
public final class ErrorCorpus {
  public static final List<String> FILES =
      List.of(
          "classify/errors-sample.jsonl",
          "classify/own-cases.jsonl",
          "classify/library-cases.jsonl");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorCorpus() {}

  public static List<JsonNode> cases() {
    List<JsonNode> all = new ArrayList<>();
    for (String file : FILES) {
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(
                  ErrorCorpus.class.getClassLoader().getResourceAsStream(file),
                  StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (!line.isBlank()) {
            all.add(JSON.readTree(line));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(file, e);
      }
    }
    return all;
  }
}
