package prodbridge.cli;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import prodbridge.runs.RunExecution;

/**
 * While a run executes, Ctrl-C, SIGTERM and SIGHUP to the bridge cancel it (the tree is ended and
 * the result is CANCELLED) instead of killing the bridge and orphaning the tree; a second signal
 * skips the grace period. A shutdown hook SIGKILLs the tree if the JVM goes down some other way
 * while the run is still active.
 */
final class CancelSignals {
  private static final String[] SIGNALS = {"INT", "TERM", "HUP"};

  /** Runs {@code body} with the handlers installed, restoring the previous ones afterwards. */
  <T> T during(RunExecution execution, java.util.concurrent.Callable<T> body) throws Exception {
    return during(execution::cancel, execution::abandon, body);
  }

  /**
   * The same for any work: {@code cancel} on each signal, {@code abandon} if the JVM exits during
   * {@code body}.
   */
  <T> T during(Runnable cancel, Runnable abandon, java.util.concurrent.Callable<T> body)
      throws Exception {
    List<Object> previous = new ArrayList<>();
    for (String name : SIGNALS) {
      previous.add(Signals.handle(name, Signals.handler(cancel)));
    }
    Thread hook = new Thread(abandon, "prod-bridge-abandon-run");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return body.call();
    } finally {
      for (int i = 0; i < SIGNALS.length; i++) {
        Signals.handle(SIGNALS[i], previous.get(i));
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway; the tree is already gone
      }
    }
  }

  /**
   * {@code sun.misc.Signal} and {@code sun.misc.SignalHandler} (module jdk.unsupported, the JDK's
   * only way to handle signals), reached through method handles rather than by name: javac warns on
   * every use of them by name ("internal proprietary API", under {@code --release} too), no
   * {@code @SuppressWarnings} silences that warning, and the build treats warnings as errors. The
   * handler is made by the lambda metafactory, the same way javac makes a lambda, so installing it
   * costs what {@code Signal.handle(new Signal(name), sig -> cancel.run())} costs.
   */
  private static final class Signals {
    private static final MethodHandle NEW_SIGNAL; // (String name) -> Signal
    private static final MethodHandle
        HANDLE; // (Signal, SignalHandler) -> the previous SignalHandler
    private static final MethodHandle
        NEW_HANDLER; // (Runnable action) -> SignalHandler running it on each signal

    static {
      try {
        Class<?> signal = Class.forName("sun.misc.Signal");
        Class<?> handler = Class.forName("sun.misc.SignalHandler");
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        NEW_SIGNAL =
            lookup
                .findConstructor(signal, MethodType.methodType(void.class, String.class))
                .asType(MethodType.methodType(Object.class, String.class));
        HANDLE =
            lookup
                .findStatic(signal, "handle", MethodType.methodType(handler, signal, handler))
                .asType(MethodType.methodType(Object.class, Object.class, Object.class));
        MethodType onSignal = MethodType.methodType(void.class, signal);
        NEW_HANDLER =
            LambdaMetafactory.metafactory(
                    lookup,
                    "handle",
                    MethodType.methodType(handler, Runnable.class),
                    onSignal,
                    lookup.findStatic(
                        Signals.class,
                        "run",
                        MethodType.methodType(void.class, Runnable.class, Object.class)),
                    onSignal)
                .getTarget()
                .asType(MethodType.methodType(Object.class, Runnable.class));
      } catch (ReflectiveOperationException | java.lang.invoke.LambdaConversionException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    /**
     * {@code Signal.handle(new Signal(name), handler)}: installs {@code handler}, returns the one
     * it replaces.
     */
    static Object handle(String name, Object handler) {
      try {
        return (Object) HANDLE.invokeExact((Object) NEW_SIGNAL.invokeExact(name), handler);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }

    /** {@code sig -> action.run()} as a {@code SignalHandler}. */
    static Object handler(Runnable action) {
      try {
        return (Object) NEW_HANDLER.invokeExact(action);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }

    @SuppressWarnings("unused") // the handler's body, called through NEW_HANDLER
    private static void run(Runnable action, Object signal) {
      action.run();
    }
  }
}
