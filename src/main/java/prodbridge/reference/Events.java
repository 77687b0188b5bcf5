package prodbridge.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Progress events on stdout, one JSON object per line, per the child contract. */
final class Events {
  static final ObjectMapper JSON = new ObjectMapper();
  private final PrintStream out;
  private final CostLedger ledger;

  Events(PrintStream out, CostLedger ledger) {
    this.out = out;
    this.ledger = ledger;
  }

  void emit(String event, String stage, int progress, String message) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("event", event);
    e.put("stage", stage);
    e.put("progress", progress);
    e.put("cost", ledger.roundedTotal());
    e.put("message", message);
    line(e);
  }

  void line(Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
