package prodbridge.monitor;

/** Told of every sample, on the monitor's thread; must return quickly. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = s -> {};

  void update(Snapshot snapshot);
}
