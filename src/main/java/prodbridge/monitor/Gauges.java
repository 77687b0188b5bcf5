package prodbridge.monitor;

/**
 * The figures a {@link Limit} reads at one moment, as the monitor last saw them. Times are in the
 * monitor's clock ({@link System#nanoTime} in a run, a fake one in a test).
 */
public interface Gauges {
  /** Now. */
  long nanoTime();

  /** The tree's summed resident memory at the last sample; 0 before the first. */
  long treeBytes();

  /** Regular files in the output directory at the last sample. */
  int files();

  /** The latest sign of life: an output byte, a child event or a changed output file. */
  long lastSignOfLifeNanos();

  /** The highest cumulative cost read so far, in USD; null when no source has shown one. */
  Double cost();

  /** Where {@link #cost} came from ("progress events", "cost file costs.csv"); null with it. */
  String costSource();
}
