package prodbridge.monitor;

/**
 * One limit the monitor enforces. It is asked at each sample of a live tree and at once whenever a
 * cost is read (so a budget crossed in an event is acted on then, not at the next sample); it
 * answers with the violation it sees, else null. The monitor reports the first violation of any
 * limit and ignores the rest.
 */
public interface Limit {
  /** After a sample of the live tree. */
  default Violation onSample(Gauges now) {
    return null;
  }

  /** Right after a cost reading, on the thread that read it. */
  default Violation onCost(Gauges now) {
    return null;
  }
}
