package prodbridge.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name as the joblog and journal record it (the kernel's, no DNS lookup). */
final class Host {
  private Host() {}

  static String name() {
    try {
      String n = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      return n.isEmpty() ? "localhost" : n;
    } catch (IOException e) {
      return "localhost";
    }
  }
}
