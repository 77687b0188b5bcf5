package prodbridge.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A command's resolved settings. {@code argv} is the child's command template (empty for {@code
 * run}, whose command comes from the command line); {@code workingDir} null means the bridge's
 * working directory; {@code envPassthrough} lists the variable names (or {@code *} globs) the child
 * inherits from the bridge. {@code memoryLimit}, {@code stallTimeout}, {@code costFile} and {@code
 * resultPatterns} are null when not used.
 */
public record Profile(
    String name,
    String description,
    List<String> argv,
    String workingDir,
    List<String> envPassthrough,
    Map<String, String> env,
    Duration timeout,
    Duration grace,
    double budget,
    double qualityThreshold,
    RetryPolicy retry,
    ResultPatterns resultPatterns,
    Duration monitorInterval,
    ByteSize memoryLimit,
    Duration stallTimeout,
    CostFileSetting costFile) {}
