package prodbridge.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One layer of profile settings as a config source states them; null means "not set here". Layers are applied
 * built-in defaults first, then the config file, then the command line.
 */
public record ProfileSettings(
    String description,
    @JsonDeserialize(using = Checked.ArgvTemplate.class) List<String> argv,
    String workingDir,
    List<String> envPassthrough,
    Map<String, String> env,
    Duration timeout,
    Duration grace,
    @JsonDeserialize(using = Checked.BudgetValue.class) Double budget,
    @JsonDeserialize(using = Checked.QualityScore.class) Double qualityThreshold,
    RetrySettings retry,
    ResultPatterns resultPatterns,
    @JsonDeserialize(using = Checked.Interval.class) Duration monitorInterval,
    ByteSize memoryLimit,
    Duration stallTimeout,
    CostFileSetting costFile) {

  public static final ProfileSettings NONE =
      new ProfileSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

  /** The command line's layer: only the limits a flag can set. */
  public static ProfileSettings flags(Duration timeout, Duration grace, Double budget, Double qualityThreshold,
      Duration monitorInterval, ByteSize memoryLimit, Duration stallTimeout, Integer maxAttempts,
      Duration retryDelay) {
    return new ProfileSettings(null, null, null, null, null, timeout, grace, budget, qualityThreshold,
        RetrySettings.flags(maxAttempts, retryDelay), null, monitorInterval, memoryLimit, stallTimeout, null);
  }

  /** This layer with {@code over}'s set values on top. */
  public ProfileSettings overriddenBy(ProfileSettings over) {
    return new ProfileSettings(
        pick(over.description, description),
        pick(over.argv, argv),
        pick(over.workingDir, workingDir),
        pick(over.envPassthrough, envPassthrough),
        pick(over.env, env),
        pick(over.timeout, timeout),
        pick(over.grace, grace),
        pick(over.budget, budget),
        pick(over.qualityThreshold, qualityThreshold),
        retry == null ? over.retry : retry.overriddenBy(over.retry),
        pick(over.resultPatterns, resultPatterns),
        pick(over.monitorInterval, monitorInterval),
        pick(over.memoryLimit, memoryLimit),
        pick(over.stallTimeout, stallTimeout),
        pick(over.costFile, costFile));
  }

  /** A relative working directory made absolute against the directory of the file that set it. */
  ProfileSettings relativeTo(Path baseDir) {
    if (workingDir == null || Path.of(workingDir).isAbsolute()) {
      return this;
    }
    String absolute = baseDir.resolve(workingDir).normalize().toString();
    return overriddenBy(new ProfileSettings(
        null, null, absolute, null, null, null, null, null, null, null, null, null, null, null, null));
  }

  /** The finished profile; every limit must be set by some layer (the built-in defaults set them all). */
  Profile resolve(String name) {
    return new Profile(
        name,
        description == null ? "" : description,
        argv == null ? List.of() : argv,
        workingDir,
        envPassthrough == null ? List.of() : envPassthrough,
        env == null ? Map.of() : env,
        required(timeout, name, "timeout"),
        required(grace, name, "grace"),
        required(budget, name, "budget"),
        required(qualityThreshold, name, "quality_threshold"),
        required(retry, name, "retry").resolve(name),
        resultPatterns,
        required(monitorInterval, name, "monitor_interval"),
        memoryLimit,
        stallTimeout,
        costFile);
  }

  private static <T> T pick(T over, T base) {
    return over != null ? over : base;
  }

  private static <T> T required(T value, String profile, String key) {
    if (value == null) {
      throw new UsageException("profile " + profile + " has no " + key);
    }
    return value;
  }
}
