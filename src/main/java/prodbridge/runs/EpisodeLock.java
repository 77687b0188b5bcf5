package prodbridge.runs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import prodbridge.config.UsageException;

/**
 * One run at a time per episode: an fcntl lock on {@code <output root>/.<episode id>.lock}, beside
 * the episode's directory (not in it, so it is never one of the episode's files), held by the
 * process that supervises the run for the run's whole life. The kernel releases it when that
 * process ends, however it ends (kill -9 included), so a stale lock cannot exist. The file holds
 * the holder's run id and pid, to name it in the refusal.
 */
public final class EpisodeLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private EpisodeLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code plan}'s episode, or refuses (a usage error naming the run that holds
   * it).
   */
  public static EpisodeLock take(RunPlan plan) throws IOException {
    Path file = fileOf(plan);
    Files.createDirectories(file.getParent());
    FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    if (lock == null) {
      String holder = holder(ch);
      ch.close();
      throw busy(plan, holder);
    }
    ch.truncate(0);
    ch.write(
        ByteBuffer.wrap(
            (plan.runId() + " " + ProcessHandle.current().pid() + "\n")
                .getBytes(StandardCharsets.UTF_8)),
        0);
    ch.force(false);
    return new EpisodeLock(ch, lock);
  }

  /**
   * Refuses now when another run holds {@code plan}'s episode; creates nothing (for a detached
   * start).
   */
  public static void checkFree(RunPlan plan) throws IOException {
    Path file = fileOf(plan);
    if (!Files.exists(file)) {
      return;
    }
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock probe = ch.tryLock();
      if (probe == null) {
        throw busy(plan, holder(ch));
      }
      probe.release();
    }
  }

  /** True when no run holds episode {@code episodeId} under {@code outputRoot} now. */
  public static boolean isFree(Path outputRoot, String episodeId) {
    Path file = outputRoot.resolve("." + episodeId + ".lock");
    if (!Files.exists(file)) {
      return true;
    }
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock probe = ch.tryLock();
      if (probe == null) {
        return false;
      }
      probe.release();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** True when {@code plan} has an episode, so a lock applies. */
  public static boolean applies(RunPlan plan) {
    return plan.episodeId() != null && plan.outputDir() != null;
  }

  static Path fileOf(RunPlan plan) {
    return plan.outputDir().resolveSibling("." + plan.episodeId() + ".lock");
  }

  private static UsageException busy(RunPlan plan, String holder) {
    return new UsageException(
        "episode "
            + plan.episodeId()
            + " is being produced by "
            + (holder.isBlank() ? "another run" : "run " + holder.split(" ")[0])
            + " right now; wait for it"
            + " (prod-bridge status "
            + (holder.isBlank() ? "" : holder.split(" ")[0] + " ")
            + "--wait 9m) or use"
            + " another --episode-id");
  }

  private static String holder(FileChannel ch) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(200);
    ch.read(b, 0);
    return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
