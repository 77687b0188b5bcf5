package prodbridge.monitor;

/** A limit the run crossed while it was alive, with the figures that prove it. */
public record Violation(Kind kind, String message) {

  /** Which limit. */
  public enum Kind {
    MEMORY_LIMIT,
    BUDGET,
    STALL
  }
}
