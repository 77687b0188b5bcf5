package prodbridge.reference;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Failures the reference pipeline can rehearse on request, so users and tests see the bridge handle
 * them.
 */
enum Simulation {
  NONE,
  /** Prices are eight times higher, so the run crosses its budget and stops itself. */
  BUDGET_EXCEEDED,
  /** The provider rejects the API key (401) and the pipeline exits 1. */
  AUTH_ERROR,
  /** The provider answers 429 and the pipeline exits 1. */
  RATE_LIMIT,
  /** The pipeline prints one event and then waits forever without a word. */
  HANG,
  /** An unhandled exception in the script stage. */
  CRASH,
  /** The heap grows by 16 MB every 100 ms until something stops it. */
  MEMORY_GROWTH,
  /**
   * A grandchild ({@code sleep}) that keeps stdout open outlives the pipeline, which then
   * completes.
   */
  ORPHAN,
  /** 200 MB of log lines on stdout before the episode is produced normally. */
  OUTPUT_FLOOD;

  static Simulation parse(String s) {
    if (s == null || s.isBlank()) {
      return NONE;
    }
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "argument --simulate: invalid choice: '" + s + "' (choose from " + names() + ")");
    }
  }

  static String names() {
    return Arrays.stream(values())
        .filter(v -> v != NONE)
        .map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .collect(Collectors.joining(", "));
  }
}
