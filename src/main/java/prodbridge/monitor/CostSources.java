package prodbridge.monitor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Where a run's child tells its cost: progress events on stdout ({@code stdoutLog} once written)
 * and in the events file, and the pipeline's cost file ({@code costFile} null when its profile has
 * none). The one list of cost sources, for a live run's monitor and for a run read back after its
 * supervisor is gone: a new source is one more line in {@link #all}.
 */
public record CostSources(Path stdoutLog, Path childEventsFile, CostFile costFile) {

  /** Every source, in the order they are polled. */
  List<CostSource> all() {
    List<CostSource> all = new ArrayList<>(3);
    all.add(new StdoutEvents(stdoutLog));
    all.add(new EventsFile(childEventsFile));
    if (costFile != null) {
      all.add(new CostFileSource(costFile));
    }
    return all;
  }

  /**
   * The highest cumulative cost any source shows in what the child left (costs are cumulative, so
   * the highest wins); empty when none shows one.
   */
  public OptionalDouble lastKnown() {
    return all().stream()
        .map(CostSource::readBack)
        .filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble)
        .max();
  }
}
