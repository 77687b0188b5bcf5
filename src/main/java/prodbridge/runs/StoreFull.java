package prodbridge.runs;

import prodbridge.classify.Classification;
import prodbridge.classify.Classifier;
import prodbridge.classify.ErrorType;

/**
 * How a run the bridge ended because its own store could not be written is classified and
 * explained: DISK_FULL (with the file system measured) when it filled up, EXECUTION_ERROR decided
 * by the bridge otherwise (read-only).
 */
final class StoreFull {
  static final String HINT =
      "The bridge could not write the run's files, so it ended the run: make the runs root"
          + " writable (or set PROD_BRIDGE_RUNS to another one), then run it again; its logs may be cut where the writes"
          + " failed.";

  private StoreFull() {}

  static Classification classification(StoreFailure failure, Classifier classifier) {
    String line =
        "the bridge ended the run: "
            + (failure == null ? "the run's store could not be written" : failure.getMessage());
    if (failure != null && failure.diskFull()) {
      return classifier.diskFull(failure.path(), line);
    }
    return new Classification(ErrorType.EXECUTION_ERROR, "bridge:store_failed", line, HINT);
  }
}
