package prodbridge.runs;

/**
 * A run's live state, as {@code state.json} in its directory holds it: what runs, who supervises it (pid and start
 * time, so a reused pid is never mistaken for it), its child's session leader, and the latest heartbeat and figures.
 * {@code status} is {@code running} until the run ends, then the result's status, or {@code lost} when its
 * supervisor died without a result. Times are ISO-8601 instants.
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
    String runDir) {

  public static final String RUNNING = "running";
  public static final String LOST = "lost";

  public boolean running() {
    return RUNNING.equals(status);
  }

  RunState with(String newStatus, String now) {
    return new RunState(runId, command, topic, episodeId, newStatus, detached, supervisorPid, supervisorStartTicks,
        childPid, childStartTicks, marker, attempt, stage, progress, cost, budget, qualityThreshold, memoryMb, startedAt, now,
        RUNNING.equals(newStatus) ? null : now, runDir);
  }

  RunState withChild(long pid, long startTicks, int attemptNumber) {
    return new RunState(runId, command, topic, episodeId, status, detached, supervisorPid, supervisorStartTicks, pid,
        startTicks, marker, attemptNumber, stage, progress, cost, budget, qualityThreshold, memoryMb, startedAt, heartbeat, endedAt,
        runDir);
  }

  RunState withFigures(String newStage, Integer newProgress, Double newCost, Long newMemoryMb) {
    return new RunState(runId, command, topic, episodeId, status, detached, supervisorPid, supervisorStartTicks,
        childPid, childStartTicks, marker, attempt, newStage, newProgress, newCost, budget, qualityThreshold, newMemoryMb, startedAt,
        heartbeat, endedAt, runDir);
  }

  RunState beating(String now) {
    return new RunState(runId, command, topic, episodeId, status, detached, supervisorPid, supervisorStartTicks,
        childPid, childStartTicks, marker, attempt, stage, progress, cost, budget, qualityThreshold, memoryMb, startedAt, now, endedAt,
        runDir);
  }
}
