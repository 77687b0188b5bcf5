package prodbridge.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import prodbridge.testing.NoLeftoverProcesses;

/** One pass over /proc answers a real tree's membership, its memory and its marker. */
@ExtendWith(NoLeftoverProcesses.class)
class ProcSnapshotTest {
  @TempDir Path dir;

  @Test
  void findsSessionMembersAndASetsidDaemonByItsMarkerWithTheirMemory() throws Exception {
    String runId = "test-" + ProcessHandle.current().pid() + "-snapshot";
    ProcessBuilder pb =
        new ProcessBuilder(
                "setsid", "bash", "-c", "setsid sleep 311 & sleep 312 & echo ready; wait")
            .directory(dir.toFile());
    pb.environment().put(ProcessTree.MARKER_VARIABLE, runId);
    pb.environment().put("TMPDIR", dir.toString());
    Process leader = pb.start();
    ProcessTree tree = new ProcessTree(leader.pid(), runId);
    try {
      assertThat(new String(leader.getInputStream().readNBytes(6))).isEqualTo("ready\n");
      List<ProcEntry> members = waitForMembers(tree, leader.pid(), 3);
      ProcSnapshot snapshot = ProcSnapshot.take();

      assertThat(members).extracting(ProcEntry::pid).contains(leader.pid());
      assertThat(members)
          .filteredOn(p -> p.sid() != leader.pid())
          .as("the setsid'd sleep")
          .hasSize(1);
      assertThat(snapshot.runIdOf(snapshot.process(leader.pid()).orElseThrow())).isEqualTo(runId);
      assertThat(ProcSnapshot.residentBytes(members))
          .as("bash and two sleeps")
          .isGreaterThan(1L << 20);
      assertThat(snapshot.members(-1, 0, runId)).as("by marker alone").hasSameSizeAs(members);
      assertThat(snapshot.members(leader.pid(), tree.leaderStartTicks(), "another-run"))
          .as("the session without the marker")
          .hasSize(2);
      assertThat(snapshot.runIdOf(snapshot.process(ProcessHandle.current().pid()).orElseThrow()))
          .isNull();
    } finally {
      TreeStop stop = tree.terminate(Duration.ofSeconds(2));
      assertThat(stop.survivors()).isEmpty();
      leader.waitFor(5, TimeUnit.SECONDS);
    }
  }

  /**
   * Members once there are {@code count} of them and the daemon has left the session (setsid may
   * fork first).
   */
  private static List<ProcEntry> waitForMembers(ProcessTree tree, long sid, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    List<ProcEntry> members = tree.members();
    while ((members.size() < count || members.stream().noneMatch(p -> p.sid() != sid))
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
      members = tree.members();
    }
    return members;
  }
}
