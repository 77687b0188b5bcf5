package prodbridge.runs;

/**
 * A run's live state, as {@code state.json} in its directory holds it: what runs, who supervises it (pid and start
 * time, so a reused pid is never mistaken for it), its child's session leader, and the latest heartbeat and figures.
 * {@code status} is {@code running} until the run ends, then the result's status, or {@code lost} when its
 * supervisor died without a result. Times are ISO-8601 instants; {@code heartbeatMonotonicNs} is the same heartbeat on
 * the monotonic clock of boot {@code bootId}.
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
    String startedAt,
    String heartbeat,
    String endedAt,
    String runDir,
    String bootId,
    Long heartbeatMonotonicNs) {

  public static final String RUNNING = "running";
  public static final String LOST = "lost";

  public boolean running() {
    return RUNNING.equals(status);
  }

  RunState with(String newStatus, String now) {
    return new RunState(runId, command, topic, episodeId, newStatus, detached, supervisorPid, supervisorStartTicks,
        childPid, childStartTicks, marker, attempt, stage, progress, cost, budget, qualityThreshold, memoryMb, startedAt, now,
        RUNNING.equals(newStatus) ? null : now, runDir, bootId, heartbeatMonotonicNs);
  }

  RunState withChild(long pid, long startTicks, int attemptNumber) {
    return new RunState(runId, command, topic, episodeId, status, detached, supervisorPid, supervisorStartTicks, pid,
        startTicks, marker, attemptNumber, stage, progress, cost, budget, qualityThreshold, memoryMb, startedAt, heartbeat, endedAt,
        runDir, bootId, heartbeatMonotonicNs);
  }

  RunState withFigures(String newStage, Integer newProgress, Double newCost, Long newMemoryMb) {
    return new RunState(runId, command, topic, episodeId, status, detached, supervisorPid, supervisorStartTicks,
        childPid, childStartTicks, marker, attempt, newStage, newProgress, newCost, budget, qualityThreshold, newMemoryMb, startedAt,
        heartbeat, endedAt, runDir, bootId, heartbeatMonotonicNs);
  }

  /** A heartbeat now: wall time for people, and the monotonic clock of this boot for telling a hung supervisor. */
  RunState beating(String now) {
    return new RunState(runId, command, topic, episodeId, status, detached, supervisorPid, supervisorStartTicks,
        childPid, childStartTicks, marker, attempt, stage, progress, cost, budget, qualityThreshold, memoryMb, startedAt, now, endedAt,
        runDir, BootClock.bootId(), BootClock.monotonicNanos());
  }

  /**
   * How long since the last heartbeat in monotonic time (which does not count a machine's sleep), or null when it
   * cannot be told: a state written by another boot, or before heartbeats carried the clock.
   */
  public java.time.Duration silence() {
    if (heartbeatMonotonicNs == null || bootId == null || !bootId.equals(BootClock.bootId())) {
      return null;
    }
    return java.time.Duration.ofNanos(Math.max(0, BootClock.monotonicNanos() - heartbeatMonotonicNs));
  }
}
