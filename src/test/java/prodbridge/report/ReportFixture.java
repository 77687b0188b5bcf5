package prodbridge.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The fixed inputs of the report tests, copied out of the test resources: {@code batch-season}, a
 * real batch of 8 jobs (5 succeeded, 2 rate-limited, 1 skipped for the total budget; one memory
 * wait added to its events by hand), and {@code run-budget}, a real reference-pipeline run stopped
 * by its $1.00 budget during audio.
 */
final class ReportFixture {
  static final String BATCH = "batch-season";
  static final String RUN = "run-budget/20261203-143728-episode-0bde70";

  private ReportFixture() {}

  static Path copy(String name, Path into) {
    try {
      Path from = Path.of(ReportFixture.class.getResource("/report/" + name).toURI());
      Path to = into.resolve(from.getFileName().toString());
      try (Stream<Path> files = Files.walk(from)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Path target = to.resolve(from.relativize(f).toString());
          if (Files.isDirectory(f)) {
            Files.createDirectories(target);
          } else {
            Files.copy(f, target);
          }
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
