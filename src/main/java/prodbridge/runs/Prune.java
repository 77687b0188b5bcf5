package prodbridge.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code prune} removes: ended runs (success, error, cancelled, lost) started before a cutoff,
 * directly under the runs root (a batch keeps its own runs), and episode directories under the
 * output root in which nothing changed since the cutoff and that no run is producing now (their
 * lock is free). A running run is never touched.
 */
public record Prune(List<Path> runs, List<Path> episodes, long bytes) {

  public static Prune plan(RunStore store, Path outputRoot, Instant cutoff) {
    List<Path> runs = new ArrayList<>();
    for (Path dir : children(store.root())) {
      if (!RunId.isRunId(dir.getFileName().toString()) || !Files.isDirectory(dir)) {
        continue;
      }
      RunView v = store.look(dir);
      RunState s = v.state();
      boolean ended = v.ended() || s != null && !s.running();
      if (ended && s != null && s.startedAt().isBefore(cutoff)) {
        runs.add(dir);
      }
    }
    List<Path> episodes = new ArrayList<>();
    for (Path dir : children(outputRoot)) {
      if (Files.isDirectory(dir)
          && !dir.getFileName().toString().startsWith(".")
          && newest(dir).isBefore(cutoff)
          && EpisodeLock.isFree(outputRoot, dir.getFileName().toString())) {
        episodes.add(dir);
      }
    }
    long bytes = Stream.concat(runs.stream(), episodes.stream()).mapToLong(Prune::size).sum();
    return new Prune(List.copyOf(runs), List.copyOf(episodes), bytes);
  }

  /** Deletes what was planned (an episode's lock file with it). */
  public void apply() throws IOException {
    for (Path dir : runs) {
      delete(dir);
    }
    for (Path dir : episodes) {
      delete(dir);
      Files.deleteIfExists(dir.resolveSibling("." + dir.getFileName() + ".lock"));
    }
  }

  private static Instant newest(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.map(
              p -> {
                try {
                  return Files.getLastModifiedTime(p).toInstant();
                } catch (IOException e) {
                  return Instant.MAX;
                }
              })
          .max(Instant::compareTo)
          .orElse(Instant.MAX);
    } catch (IOException e) {
      return Instant.MAX;
    }
  }

  private static long size(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void delete(Path dir) throws IOException {
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static List<Path> children(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
