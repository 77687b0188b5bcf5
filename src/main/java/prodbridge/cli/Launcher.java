package prodbridge.cli;

/** How a user starts this program again: the launcher script's absolute path when it set one, else the name. */
final class Launcher {
  static final String PROPERTY = "prodbridge.launcher";

  private Launcher() {}

  /** The launcher script's absolute path, or null when this process was started some other way (tests). */
  static String script() {
    String p = System.getProperty(PROPERTY);
    return p == null || p.isBlank() || !java.nio.file.Files.isExecutable(java.nio.file.Path.of(p)) ? null : p;
  }

  /** The argv prefix that starts this program again: the launcher script, else this JVM with its class path. */
  static java.util.List<String> command() {
    String script = script();
    if (script != null) {
      return java.util.List.of(script);
    }
    String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return java.util.List.of(javaBin, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
        "-cp", absoluteClasspath(), Main.class.getName());
  }

  private static String absoluteClasspath() {
    return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(s -> !s.isEmpty()).map(s -> java.nio.file.Path.of(s).toAbsolutePath().normalize().toString())
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  static String path() {
    String p = System.getProperty(PROPERTY);
    return p == null || p.isBlank() ? "prod-bridge" : p;
  }
}
