package prodbridge.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A little disk space set aside in a run's directory when it starts, given back just before the
 * final result and state are written when the file system has filled meanwhile, so a full disk
 * still leaves an honest final state.
 */
final class SpaceReserve {
  static final int BYTES = 64 * 1024;
  private final Path file;

  private SpaceReserve(Path file) {
    this.file = file;
  }

  static SpaceReserve in(Path runDir) throws IOException {
    Path file = new RunDir(runDir).spaceReserve();
    RunFiles.createPrivateFile(file);
    Files.write(file, new byte[BYTES]);
    return new SpaceReserve(file);
  }

  /** Frees the space; harmless when already freed. */
  void release() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // nothing more can be done for a store that cannot even delete
    }
  }
}
