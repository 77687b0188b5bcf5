package prodbridge.monitor;

/**
 * One place the child tells its cost (and, for events, its stage and progress). The monitor polls
 * every source at each sample and once more when the run ends; a source the child pushes to
 * (stdout) hands on what it gets at once and has nothing to poll.
 */
public interface CostSource {
  /**
   * Reads what is new since the last poll and tells {@code to}. Never throws for a missing or
   * unreadable file.
   */
  void poll(Readings to);

  /** Where sources tell what they read; the monitor implements it. */
  interface Readings {
    /** A progress event (a sign of life; its cost, if any, counts as "progress events"). */
    void event(ChildEvent e);

    /** A cumulative cost figure read from {@code source}, which names it in a budget message. */
    void cost(double usd, String source);
  }
}
