package prodbridge.monitor;

import java.util.OptionalDouble;

/**
 * One place the child tells its cost (and, for events, its stage and progress). A live monitor
 * polls every source at each sample and once more when the run ends, and hands each a line of
 * stdout as the pump reads it; a run whose supervisor is gone asks each to read its cost back from
 * what the child left. {@link CostSources} lists them all.
 */
public interface CostSource {
  /**
   * Reads what is new since the last poll and tells {@code to}. Never throws for a missing or
   * unreadable file.
   */
  default void poll(Readings to) {}

  /** A line the child printed on stdout (without its newline); most sources ignore it. */
  default void stdoutLine(String line, Readings to) {}

  /**
   * The highest cumulative cost this source shows in the files the child left, read afresh (for a
   * run nobody watched to its end); empty when it shows none.
   */
  OptionalDouble readBack();

  /** Where sources tell what they read; the monitor implements it. */
  interface Readings {
    /** A progress event (a sign of life; its cost, if any, counts as "progress events"). */
    void event(ChildEvent e);

    /** A cumulative cost figure read from {@code source}, which names it in a budget message. */
    void cost(double usd, String source);
  }
}
