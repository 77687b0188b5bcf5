package prodbridge.batch;

import java.nio.file.Path;

/**
 * What the user asked of a batch: the input file, the default command, how many jobs at once, the
 * total budget and max failures (null: none), whether to resume (skip jobs that succeeded or
 * failed) or also retry the failed ones, the batch directory (null: the default under the runs
 * root), the executor and the config file (null: default).
 */
public record BatchRequest(
    Path input,
    String command,
    int parallel,
    Double totalBudget,
    Integer maxFailures,
    boolean resume,
    boolean retryFailed,
    Path batchDir,
    Executor executor,
    Path configFile) {}
