package prodbridge.reference;

import java.util.Map;

/**
 * Emits a progress event per step and, with a pace above zero, waits so the run takes a realistic
 * time: pace 1 is about 25 minutes for a full episode, 0 (the default) as fast as the machine goes.
 */
final class Pacer {
  /** Seconds one step of each stage takes at pace 1. */
  private static final Map<String, Double> STEP_SECONDS =
      Map.of("research", 22.0, "script", 55.0, "audio", 50.0, "quality", 30.0);

  private final Events events;
  private final double pace;
  private final Map<String, int[]> ranges;

  /**
   * {@code ranges} maps each stage of this invocation to its share of overall progress, {from, to}.
   */
  Pacer(Events events, double pace, Map<String, int[]> ranges) {
    this.events = events;
    this.pace = pace;
    this.ranges = ranges;
  }

  void start(String stage) {
    events.emit("stage_started", stage, overall(stage, 0), stage + " started");
  }

  /** One step done; {@code stageProgress} is 0 to 100 within the stage. */
  void step(String stage, int stageProgress, String message) {
    sleep(STEP_SECONDS.getOrDefault(stage, 10.0) * pace);
    events.emit("progress", stage, overall(stage, stageProgress), message);
  }

  void done(String stage, String message) {
    events.emit("stage_completed", stage, overall(stage, 100), message);
  }

  private int overall(String stage, int stageProgress) {
    int[] r = ranges.getOrDefault(stage, new int[] {0, 100});
    return r[0] + (r[1] - r[0]) * Math.max(0, Math.min(100, stageProgress)) / 100;
  }

  static void sleep(double seconds) {
    if (seconds <= 0) {
      return;
    }
    try {
      Thread.sleep((long) (seconds * 1000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
