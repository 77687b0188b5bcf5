package prodbridge.claude;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A launcher like target/prod-bridge, but for the test class path (the jar does not exist yet in `mvn test`). */
final class TestLauncher {
  private TestLauncher() {}

  static Path write(Path dir) throws Exception {
    Path launcher = dir.resolve("prod-bridge");
    Files.createDirectories(dir);
    Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
        + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dprodbridge.launcher='" + launcher + "' -cp '"
        + System.getProperty("java.class.path") + "' prodbridge.cli.Main \"$@\"\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    return launcher;
  }
}
