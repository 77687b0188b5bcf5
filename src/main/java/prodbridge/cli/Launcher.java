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

  /** The argv prefix that starts this program again: the launcher script, else this JVM with the same flags. */
  static java.util.List<String> command() {
    return prodbridge.runs.Relaunch.command(script());
  }

  static String path() {
    String p = System.getProperty(PROPERTY);
    return p == null || p.isBlank() ? "prod-bridge" : p;
  }
}
