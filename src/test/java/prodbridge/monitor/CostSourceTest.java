package prodbridge.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostSourceTest {
  @TempDir Path dir;

  /** Records what a source tells, in order. */
  static final class Told implements CostSource.Readings {
    final List<ChildEvent> events = new ArrayList<>();
    final List<String> costs = new ArrayList<>();

    @Override
    public void event(ChildEvent e) {
      events.add(e);
    }

    @Override
    public void cost(double usd, String source) {
      costs.add(usd + " from " + source);
    }
  }

  @Test
  void stdoutEventsHandsOnEventsAtOnceAndIgnoresOtherLines() {
    Told told = new Told();
    StdoutEvents stdout = new StdoutEvents(told);
    stdout.line("plain text");
    stdout.line("{\"no_event\": 1}");
    stdout.line("  {\"event\": \"cost\", \"stage\": \"script\", \"cost\": 0.42}");
    assertThat(told.events)
        .extracting(ChildEvent::stage, ChildEvent::cost)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("script", 0.42));
    stdout.poll(told);
    assertThat(told.events).as("nothing to poll").hasSize(1);
  }

  @Test
  void eventsFileTellsEachCompleteLineOnceAndWaitsForAPartialOne() throws IOException {
    Path file = dir.resolve("child-events.jsonl");
    Told told = new Told();
    EventsFile events = new EventsFile(file);
    events.poll(told);
    assertThat(told.events).as("no file yet").isEmpty();
    append(
        file, "{\"event\":\"stage\",\"stage\":\"research\"}\r\nnot json\n{\"event\":\"cost\",\"co");
    events.poll(told);
    assertThat(told.events).extracting(ChildEvent::stage).containsExactly("research");
    append(file, "st\":1.5}\n");
    events.poll(told);
    events.poll(told);
    assertThat(told.events).extracting(ChildEvent::cost).containsExactly(null, 1.5);
  }

  @Test
  void eventsFileReplacesMalformedUtf8AsStdoutDoes() throws IOException {
    Path file = dir.resolve("child-events.jsonl");
    byte[] head = "{\"event\":\"stage\",\"stage\":\"caf".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "\u00e9 \u2713\"}\n".getBytes(StandardCharsets.UTF_8);
    Files.write(file, head);
    Files.write(file, new byte[] {(byte) 0xff}, StandardOpenOption.APPEND);
    Files.write(file, tail, StandardOpenOption.APPEND);
    Told told = new Told();
    new EventsFile(file).poll(told);
    assertThat(told.events).extracting(ChildEvent::stage).containsExactly("caf\ufffd\u00e9 \u2713");
  }

  @Test
  void eventsFileThatShrankIsReadAgainFromItsStart() throws IOException {
    Path file = dir.resolve("child-events.jsonl");
    Told told = new Told();
    EventsFile events = new EventsFile(file);
    Files.writeString(
        file, "{\"event\":\"a\",\"stage\":\"one\"}\n{\"event\":\"b\",\"stage\":\"two\"}\n");
    events.poll(told);
    Files.writeString(file, "{\"event\":\"c\",\"stage\":\"new\"}\n");
    events.poll(told);
    assertThat(told.events).extracting(ChildEvent::stage).containsExactly("one", "two", "new");
  }

  @Test
  void costFileSourceReadsTheLastCsvRowAndSaysNothingForAMissingFile() throws IOException {
    Path csv = dir.resolve("costs.csv");
    Told told = new Told();
    CostFileSource source = new CostFileSource(new CostFile(csv, "cumulative_usd", null));
    source.poll(told);
    assertThat(told.costs).isEmpty();
    Files.writeString(csv, "step,cumulative_usd\nresearch,0.25\nscript,0.75\naudio,1.");
    source.poll(told);
    Files.writeString(csv, "step,cumulative_usd\nresearch,0.25\nscript,0.75\naudio,1.5\n");
    source.poll(told);
    assertThat(told.costs)
        .containsExactly("0.75 from cost file costs.csv", "1.5 from cost file costs.csv");
  }

  @Test
  void costFileSourceReadsAJsonField() throws IOException {
    Path json = dir.resolve("report.json");
    Told told = new Told();
    Files.writeString(json, "{\"total_cost\": 3.25}");
    new CostFileSource(new CostFile(json, null, "total_cost")).poll(told);
    assertThat(told.costs).containsExactly("3.25 from cost file report.json");
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
