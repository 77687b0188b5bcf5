package prodbridge.cli;

import java.util.ArrayList;
import java.util.List;
import prodbridge.runs.RunExecution;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a run executes, Ctrl-C, SIGTERM and SIGHUP to the bridge cancel it (the tree is ended and the result is
 * CANCELLED) instead of killing the bridge and orphaning the tree; a second signal skips the grace period. A
 * shutdown hook SIGKILLs the tree if the JVM goes down some other way while the run is still active.
 */
final class CancelSignals {
  private static final String[] SIGNALS = {"INT", "TERM", "HUP"};

  /** Runs {@code body} with the handlers installed, restoring the previous ones afterwards. */
  <T> T during(RunExecution execution, java.util.concurrent.Callable<T> body) throws Exception {
    return during(execution::cancel, execution::abandon, body);
  }

  /** The same for any work: {@code cancel} on each signal, {@code abandon} if the JVM exits during {@code body}. */
  <T> T during(Runnable cancel, Runnable abandon, java.util.concurrent.Callable<T> body) throws Exception {
    List<SignalHandler> previous = new ArrayList<>();
    for (String name : SIGNALS) {
      previous.add(Signal.handle(new Signal(name), sig -> cancel.run()));
    }
    Thread hook = new Thread(abandon, "prod-bridge-abandon-run");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return body.call();
    } finally {
      for (int i = 0; i < SIGNALS.length; i++) {
        Signal.handle(new Signal(SIGNALS[i]), previous.get(i));
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway; the tree is already gone
      }
    }
  }
}
