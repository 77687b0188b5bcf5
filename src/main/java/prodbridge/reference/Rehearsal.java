package prodbridge.reference;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Acts out a requested failure before (or instead of) the real work. */
final class Rehearsal {
  private final Simulation simulation;
  private final PrintStream out;
  private final PrintStream err;
  private final Events events;

  Rehearsal(Simulation simulation, PrintStream out, PrintStream err, Events events) {
    this.simulation = simulation;
    this.out = out;
    this.err = err;
    this.events = events;
  }

  void beforeWork() throws IOException {
    switch (simulation) {
      case AUTH_ERROR ->
          providerError("AuthenticationError", 401, "authentication_error", "invalid x-api-key");
      case RATE_LIMIT ->
          providerError(
              "RateLimitError",
              429,
              "rate_limit_error",
              "Number of request tokens has exceeded your per-minute rate limit");
      case HANG -> {
        events.emit("stage_started", "research", 0, "research started");
        while (true) {
          Pacer.sleep(3600);
        }
      }
      case MEMORY_GROWTH -> growMemory();
      case ORPHAN -> new ProcessBuilder("sleep", "300").inheritIO().start();
      case OUTPUT_FLOOD -> flood(200L * 1024 * 1024);
      default -> {}
    }
  }

  private void providerError(String exception, int code, String type, String message) {
    events.emit("stage_started", "research", 0, "research started");
    err.println("Traceback (most recent call last):");
    err.println("  File \"pipeline/research.py\", line 88, in search_sources");
    err.println("    response = client.messages.create(**request)");
    err.println(
        "anthropic."
            + exception
            + ": Error code: "
            + code
            + " - {'type': 'error', 'error': {'type': '"
            + type
            + "', 'message': '"
            + message
            + "'}}");
    out.println("Error: research failed: " + exception + " (" + code + ")");
    out.flush();
    System.exit(1);
  }

  private void growMemory() {
    List<byte[]> held = new ArrayList<>();
    while (true) {
      byte[] chunk = new byte[16 * 1024 * 1024];
      for (int j = 0; j < chunk.length; j += 4096) {
        chunk[j] = 1;
      }
      held.add(chunk);
      events.emit("progress", "research", 0, "holding " + held.size() * 16 + " MB");
      Pacer.sleep(0.1);
    }
  }

  private void flood(long bytes) throws IOException {
    byte[] line = ("flood: " + "x".repeat(92) + "\n").getBytes(StandardCharsets.US_ASCII);
    BufferedOutputStream b = new BufferedOutputStream(out, 1 << 16);
    for (long written = 0; written < bytes; written += line.length) {
      b.write(line);
    }
    b.flush();
  }
}
