package prodbridge.fault;

/**
 * The kinds of fault a trial injects; each says whether it needs root (tmpfs mounts) or the run
 * keeper.
 */
enum FaultKind {
  /**
   * A deadline over a tree with TERM-ignoring, setsid'd, setpgid'd, double-forked and pipe-holding
   * members.
   */
  HOSTILE_TREE_DEADLINE(false, false),
  /** The child exits 0 at a random moment and leaves such a tree behind. */
  EARLY_EXIT(false, false),
  /** SIGTERM, SIGINT or SIGHUP to a foreground bridge at a random moment, JVM start-up included. */
  SIGNAL_AT_RANDOM(false, false),
  /** A cancel (SIGTERM to the bridge) within a few milliseconds of the child's normal exit. */
  CANCEL_AT_EXIT(false, false),
  /** kill -9 of a detached run's supervisor at a random moment, then status. */
  KILL9_DETACHED(false, false),
  /**
   * kill -9 of a foreground bridge, with nobody running status afterwards: only a keeper can end
   * the tree.
   */
  KILL9_FOREGROUND(false, true),
  /**
   * kill -9 of a batch coordinator half-way, then --resume: every topic is produced exactly once.
   */
  KILL9_BATCH(false, false),
  /** A tree whose memory jumps past the limit. */
  MEMORY_SPIKE(false, false),
  /** Tens of MB of output as fast as the child can write. */
  OUTPUT_FLOOD(false, false),
  /** A runs root that is a file, read-only, or full before the run starts. */
  HOSTILE_STORE(false, false),
  /** A runs root that fills while the child writes. */
  STORE_FILLS_MID_RUN(true, false),
  /** Several detached runs at once. */
  CONCURRENT_DETACHED(false, false);

  final boolean needsRoot;
  final boolean needsKeeper;

  FaultKind(boolean needsRoot, boolean needsKeeper) {
    this.needsRoot = needsRoot;
    this.needsKeeper = needsKeeper;
  }
}
