package prodbridge.classify;

import java.util.Map;

/** Linux signal numbers as the names people know. */
public final class SignalName {
  private static final Map<Integer, String> NAMES =
      Map.ofEntries(
          Map.entry(1, "SIGHUP"),
          Map.entry(2, "SIGINT"),
          Map.entry(3, "SIGQUIT"),
          Map.entry(4, "SIGILL"),
          Map.entry(6, "SIGABRT"),
          Map.entry(7, "SIGBUS"),
          Map.entry(8, "SIGFPE"),
          Map.entry(9, "SIGKILL"),
          Map.entry(11, "SIGSEGV"),
          Map.entry(13, "SIGPIPE"),
          Map.entry(14, "SIGALRM"),
          Map.entry(15, "SIGTERM"),
          Map.entry(24, "SIGXCPU"),
          Map.entry(25, "SIGXFSZ"));

  private SignalName() {}

  public static String of(int signal) {
    return NAMES.getOrDefault(signal, "SIG" + signal);
  }

  /** The number of a signal written as SIGTERM, TERM or 15; empty when it is none of these. */
  public static java.util.OptionalInt number(String name) {
    String n = name.strip().toUpperCase(java.util.Locale.ROOT);
    if (n.matches("[0-9]{1,2}")) {
      int v = Integer.parseInt(n);
      return v >= 1 && v <= 64 ? java.util.OptionalInt.of(v) : java.util.OptionalInt.empty();
    }
    String full = n.startsWith("SIG") ? n : "SIG" + n;
    return NAMES.entrySet().stream()
        .filter(e -> e.getValue().equals(full))
        .mapToInt(Map.Entry::getKey)
        .findFirst();
  }
}
