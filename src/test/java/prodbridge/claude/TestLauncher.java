package prodbridge.claude;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A launcher like target/prod-bridge, but for the test class path (the jar does not exist yet in
 * `mvn test`).
 */
final class TestLauncher {
  /** As in src/main/launcher/prod-bridge: a UTF-8 locale, so unicode arguments survive. */
  private static final String LOCALE =
      "case \"${LC_ALL:-${LC_CTYPE:-${LANG:-}}}\" in\n"
          + "  *UTF-8* | *utf-8* | *UTF8* | *utf8*) ;;\n  *) export LC_ALL=C.UTF-8 ;;\nesac\n";

  private TestLauncher() {}

  static Path write(Path dir) throws Exception {
    Path launcher = dir.resolve("prod-bridge");
    Files.createDirectories(dir);
    Files.writeString(
        launcher,
        "#!/bin/sh\n"
            + LOCALE
            + "exec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dprodbridge.launcher='"
            + launcher
            + "' -cp '"
            + System.getProperty("java.class.path")
            + "' prodbridge.cli.Main \"$@\"\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    return launcher;
  }
}
