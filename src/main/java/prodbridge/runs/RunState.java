package prodbridge.runs;

import java.time.Instant;

/**
 * A run's live state, as {@code state.json} in its directory holds it: what runs, who supervises it
 * (pid and start time, so a reused pid is never mistaken for it), its child's session leader, and
 * the latest heartbeat and figures. {@code status} is {@code running} until the run ends, then the
 * result's status, or {@code lost} when its supervisor died without a result. Times are instants
 * (ISO-8601 text on disk); {@code heartbeatMonotonicNs} is the same heartbeat on the monotonic
 * clock of boot {@code bootId}. Built with {@link #builder()}; each change below is a copy through
 * {@link #toBuilder()}.
 */
public record RunState(
    String runId,
    String command,
    String topic,
    String episodeId,
    String status,
    boolean detached,
    long supervisorPid,
    long supervisorStartTicks,
    long childPid,
    long childStartTicks,
    String marker,
    int attempt,
    String stage,
    Integer progress,
    Double cost,
    double budget,
    double qualityThreshold,
    Long memoryMb,
    Instant startedAt,
    Instant heartbeat,
    Instant endedAt,
    String runDir,
    String bootId,
    Long heartbeatMonotonicNs) {

  public static final String RUNNING = "running";
  public static final String LOST = "lost";

  public boolean running() {
    return RUNNING.equals(status);
  }

  static Builder builder() {
    return new Builder();
  }

  /** A builder holding this state's fields, to change some and build a new state. */
  Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The state with status {@code newStatus} as of {@code now}, which is also its end unless it is
   * running.
   */
  RunState ended(String newStatus, Instant now) {
    return toBuilder()
        .status(newStatus)
        .heartbeat(now)
        .endedAt(RUNNING.equals(newStatus) ? null : now)
        .build();
  }

  RunState withChild(long pid, long startTicks, int attemptNumber) {
    return toBuilder().childPid(pid).childStartTicks(startTicks).attempt(attemptNumber).build();
  }

  RunState withFigures(String newStage, Integer newProgress, Double newCost, Long newMemoryMb) {
    return toBuilder()
        .stage(newStage)
        .progress(newProgress)
        .cost(newCost)
        .memoryMb(newMemoryMb)
        .build();
  }

  /**
   * A heartbeat now: wall time for people, and the monotonic clock of this boot for telling a hung
   * supervisor.
   */
  RunState beating(Instant now) {
    return toBuilder()
        .heartbeat(now)
        .bootId(BootClock.bootId())
        .heartbeatMonotonicNs(BootClock.monotonicNanos())
        .build();
  }

  /**
   * How long since the last heartbeat in monotonic time (which does not count a machine's sleep),
   * or null when it cannot be told: a state written by another boot, or before heartbeats carried
   * the clock.
   */
  public java.time.Duration silence() {
    if (heartbeatMonotonicNs == null || bootId == null || !bootId.equals(BootClock.bootId())) {
      return null;
    }
    return java.time.Duration.ofNanos(
        Math.max(0, BootClock.monotonicNanos() - heartbeatMonotonicNs));
  }

  /** Fills in a {@link RunState} field by field; unset fields are null, zero or false. */
  static final class Builder {
    private String runId;
    private String command;
    private String topic;
    private String episodeId;
    private String status;
    private boolean detached;
    private long supervisorPid;
    private long supervisorStartTicks;
    private long childPid;
    private long childStartTicks;
    private String marker;
    private int attempt;
    private String stage;
    private Integer progress;
    private Double cost;
    private double budget;
    private double qualityThreshold;
    private Long memoryMb;
    private Instant startedAt;
    private Instant heartbeat;
    private Instant endedAt;
    private String runDir;
    private String bootId;
    private Long heartbeatMonotonicNs;

    private Builder() {}

    private Builder(RunState s) {
      runId = s.runId;
      command = s.command;
      topic = s.topic;
      episodeId = s.episodeId;
      status = s.status;
      detached = s.detached;
      supervisorPid = s.supervisorPid;
      supervisorStartTicks = s.supervisorStartTicks;
      childPid = s.childPid;
      childStartTicks = s.childStartTicks;
      marker = s.marker;
      attempt = s.attempt;
      stage = s.stage;
      progress = s.progress;
      cost = s.cost;
      budget = s.budget;
      qualityThreshold = s.qualityThreshold;
      memoryMb = s.memoryMb;
      startedAt = s.startedAt;
      heartbeat = s.heartbeat;
      endedAt = s.endedAt;
      runDir = s.runDir;
      bootId = s.bootId;
      heartbeatMonotonicNs = s.heartbeatMonotonicNs;
    }

    /** What runs: its run id, command word, topic and episode id. */
    Builder run(String newRunId, String newCommand, String newTopic, String newEpisodeId) {
      runId = newRunId;
      command = newCommand;
      topic = newTopic;
      episodeId = newEpisodeId;
      return this;
    }

    Builder status(String v) {
      status = v;
      return this;
    }

    Builder detached(boolean v) {
      detached = v;
      return this;
    }

    /**
     * The supervising process: pid and start ticks (pid 0 while a detached run's supervisor is
     * starting).
     */
    Builder supervisor(long pid, long startTicks) {
      supervisorPid = pid;
      supervisorStartTicks = startTicks;
      return this;
    }

    Builder childPid(long v) {
      childPid = v;
      return this;
    }

    Builder childStartTicks(long v) {
      childStartTicks = v;
      return this;
    }

    Builder marker(String v) {
      marker = v;
      return this;
    }

    Builder attempt(int v) {
      attempt = v;
      return this;
    }

    Builder stage(String v) {
      stage = v;
      return this;
    }

    Builder progress(Integer v) {
      progress = v;
      return this;
    }

    Builder cost(Double v) {
      cost = v;
      return this;
    }

    /** The run's limits: what it may spend and the quality it must reach. */
    Builder limits(double newBudget, double newQualityThreshold) {
      budget = newBudget;
      qualityThreshold = newQualityThreshold;
      return this;
    }

    Builder memoryMb(Long v) {
      memoryMb = v;
      return this;
    }

    Builder startedAt(Instant v) {
      startedAt = v;
      return this;
    }

    Builder heartbeat(Instant v) {
      heartbeat = v;
      return this;
    }

    Builder endedAt(Instant v) {
      endedAt = v;
      return this;
    }

    Builder runDir(String v) {
      runDir = v;
      return this;
    }

    Builder bootId(String v) {
      bootId = v;
      return this;
    }

    Builder heartbeatMonotonicNs(Long v) {
      heartbeatMonotonicNs = v;
      return this;
    }

    RunState build() {
      return new RunState(
          runId,
          command,
          topic,
          episodeId,
          status,
          detached,
          supervisorPid,
          supervisorStartTicks,
          childPid,
          childStartTicks,
          marker,
          attempt,
          stage,
          progress,
          cost,
          budget,
          qualityThreshold,
          memoryMb,
          startedAt,
          heartbeat,
          endedAt,
          runDir,
          bootId,
          heartbeatMonotonicNs);
    }
  }
}
