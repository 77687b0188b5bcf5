package prodbridge.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One layer of profile settings as a config source states them; null means "not set here". Layers
 * are applied built-in defaults first, then the config file, then the command line. Build one with
 * {@link #builder()}, which names every value it sets; Jackson fills the canonical constructor from
 * a config file.
 */
public record ProfileSettings(
    String description,
    @JsonDeserialize(using = Checked.ArgvTemplate.class) List<String> argv,
    String workingDir,
    List<String> envPassthrough,
    Map<String, String> env,
    Duration timeout,
    Duration grace,
    Budget budget,
    QualityThreshold qualityThreshold,
    RetrySettings retry,
    ResultPatterns resultPatterns,
    MonitorInterval monitorInterval,
    ByteSize memoryLimit,
    Duration stallTimeout,
    CostFileSetting costFile) {

  /** The layer that sets nothing. */
  public static final ProfileSettings NONE = builder().build();

  /**
   * A layer that sets only what the builder is told; everything else stays null ("not set here").
   */
  public static Builder builder() {
    return new Builder();
  }

  /** This layer with {@code over}'s set values on top. */
  public ProfileSettings overriddenBy(ProfileSettings over) {
    return builder()
        .description(pick(over.description, description))
        .argv(pick(over.argv, argv))
        .workingDir(pick(over.workingDir, workingDir))
        .envPassthrough(pick(over.envPassthrough, envPassthrough))
        .env(pick(over.env, env))
        .timeout(pick(over.timeout, timeout))
        .grace(pick(over.grace, grace))
        .budget(pick(over.budget, budget))
        .qualityThreshold(pick(over.qualityThreshold, qualityThreshold))
        .retry(retry == null ? over.retry : retry.overriddenBy(over.retry))
        .resultPatterns(pick(over.resultPatterns, resultPatterns))
        .monitorInterval(pick(over.monitorInterval, monitorInterval))
        .memoryLimit(pick(over.memoryLimit, memoryLimit))
        .stallTimeout(pick(over.stallTimeout, stallTimeout))
        .costFile(pick(over.costFile, costFile))
        .build();
  }

  /** A relative working directory made absolute against the directory of the file that set it. */
  ProfileSettings relativeTo(Path baseDir) {
    if (workingDir == null || Path.of(workingDir).isAbsolute()) {
      return this;
    }
    String absolute = baseDir.resolve(workingDir).normalize().toString();
    return overriddenBy(builder().workingDir(absolute).build());
  }

  /**
   * The finished profile; every limit must be set by some layer (the built-in defaults set them
   * all).
   */
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
        required(budget, name, "budget").usd(),
        required(qualityThreshold, name, "quality_threshold").score(),
        required(retry, name, "retry").resolve(name),
        resultPatterns,
        required(monitorInterval, name, "monitor_interval").value(),
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

  /**
   * Names each value of a layer as it is set; a value never set (or set to null) is "not set here".
   */
  public static final class Builder {
    private String description;
    private List<String> argv;
    private String workingDir;
    private List<String> envPassthrough;
    private Map<String, String> env;
    private Duration timeout;
    private Duration grace;
    private Budget budget;
    private QualityThreshold qualityThreshold;
    private RetrySettings retry;
    private ResultPatterns resultPatterns;
    private MonitorInterval monitorInterval;
    private ByteSize memoryLimit;
    private Duration stallTimeout;
    private CostFileSetting costFile;

    private Builder() {}

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder argv(List<String> argv) {
      this.argv = argv;
      return this;
    }

    public Builder workingDir(String workingDir) {
      this.workingDir = workingDir;
      return this;
    }

    public Builder envPassthrough(List<String> envPassthrough) {
      this.envPassthrough = envPassthrough;
      return this;
    }

    public Builder env(Map<String, String> env) {
      this.env = env;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder grace(Duration grace) {
      this.grace = grace;
      return this;
    }

    public Builder budget(Budget budget) {
      this.budget = budget;
      return this;
    }

    public Builder qualityThreshold(QualityThreshold qualityThreshold) {
      this.qualityThreshold = qualityThreshold;
      return this;
    }

    public Builder retry(RetrySettings retry) {
      this.retry = retry;
      return this;
    }

    public Builder resultPatterns(ResultPatterns resultPatterns) {
      this.resultPatterns = resultPatterns;
      return this;
    }

    public Builder monitorInterval(MonitorInterval monitorInterval) {
      this.monitorInterval = monitorInterval;
      return this;
    }

    public Builder memoryLimit(ByteSize memoryLimit) {
      this.memoryLimit = memoryLimit;
      return this;
    }

    public Builder stallTimeout(Duration stallTimeout) {
      this.stallTimeout = stallTimeout;
      return this;
    }

    public Builder costFile(CostFileSetting costFile) {
      this.costFile = costFile;
      return this;
    }

    public ProfileSettings build() {
      return new ProfileSettings(
          description,
          argv,
          workingDir,
          envPassthrough,
          env,
          timeout,
          grace,
          budget,
          qualityThreshold,
          retry,
          resultPatterns,
          monitorInterval,
          memoryLimit,
          stallTimeout,
          costFile);
    }
  }
}
