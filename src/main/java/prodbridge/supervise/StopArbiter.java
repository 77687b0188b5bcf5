package prodbridge.supervise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one place that decides why a supervised child stopped, from what happened first: its own
 * exit, or a stop request (a cancel, the deadline, a limit). A request takes hold only while the
 * child still runs: one that finds it already exited (a zombie not yet reaped counts) loses to the
 * exit, and taking hold sends SIGTERM to the child at once, so only a {@code /proc} read lies
 * between the check and the signal. A child that then exits 0 although it neither caught nor was
 * killed by SIGTERM finished on its own before the signal reached it, so its exit wins too: a
 * cancel ends only what is still running. Does not end the rest of the tree; the supervisor does
 * that.
 */
final class StopArbiter {
  private static final long SIGTERM_BIT = 1L << (15 - 1);

  private final CompletableFuture<StopReason> first = new CompletableFuture<>();
  private StopReason decision;
  private Process child;
  private ProcessTree tree;
  private boolean childCatchesTerm;

  /** The child is running; a stop requested before this moment takes hold now. */
  synchronized void attach(Process process, ProcessTree processTree) {
    child = process;
    tree = processTree;
    process.onExit().thenRun(this::childExited);
    if (decision != null && decision != StopReason.EXITED) {
      takeHold();
      first.complete(decision);
    }
  }

  private synchronized void childExited() {
    if (decision == null) {
      decision = StopReason.EXITED;
    }
    first.complete(decision);
  }

  /**
   * Asks for a stop for {@code reason}. Returns true when this request decided the run's end, false
   * when something (an earlier request, or the child's own exit) already had. The decision is
   * announced only after the child has been signalled, so nothing else signals it first.
   */
  synchronized boolean request(StopReason reason) {
    if (decision != null) {
      return false;
    }
    if (child != null && !child.isAlive()) {
      decision = StopReason.EXITED;
      first.complete(decision);
      return false;
    }
    decision = reason;
    if (child != null) {
      takeHold();
      first.complete(decision);
    }
    return true;
  }

  /**
   * Waits up to {@code timeout} for the first event; when none came, the deadline is requested (and
   * may lose).
   */
  StopReason await(Duration timeout) {
    try {
      return first.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      request(StopReason.DEADLINE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      request(StopReason.CANCELLED);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
    return first.join();
  }

  /** The final reason, once the child has exited with {@code exitCode}. */
  synchronized StopReason settle(int exitCode) {
    StopReason reason = decision;
    if (reason.endedByBridge() && exitCode == 0 && !childCatchesTerm) {
      return StopReason.EXITED;
    }
    return reason;
  }

  /**
   * Signals the child, unless its status shows it has already exited (gone, or a zombie not yet
   * reaped): then the exit came first and is the decision.
   */
  private void takeHold() {
    ChildStatus status = ChildStatus.of(child.pid());
    if (status == null) {
      decision = StopReason.EXITED;
      return;
    }
    childCatchesTerm = status.catchesTerm();
    tree.terminateLeader();
  }

  /** What {@code /proc/<pid>/status} says about a live child; null when it has exited. */
  record ChildStatus(boolean catchesTerm) {
    static ChildStatus of(long pid) {
      String state = null;
      Long caught = null;
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
          if (line.startsWith("State:")) {
            state = line.substring(6).strip();
          } else if (line.startsWith("SigCgt:")) {
            caught = Long.parseUnsignedLong(line.substring(7).strip(), 16);
          }
        }
      } catch (IOException | RuntimeException gone) {
        return null;
      }
      if (state == null || state.startsWith("Z") || state.startsWith("X")) {
        return null;
      }
      return new ChildStatus(caught == null || (caught & SIGTERM_BIT) != 0);
    }
  }
}
