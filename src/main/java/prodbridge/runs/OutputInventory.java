package prodbridge.runs;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a run produced: every regular file under the episode's output directory (symlinks are
 * not followed, so nothing outside it is listed), plus files the pipeline reported elsewhere that
 * exist.
 */
final class OutputInventory {
  static final int MAX_FILES = 10_000;

  private OutputInventory() {}

  static List<OutputFile> list(Path outputDir, List<String> reported, Path childWorkingDir) {
    Map<Path, OutputFile> found = new LinkedHashMap<>();
    if (outputDir != null && Files.isDirectory(outputDir, LinkOption.NOFOLLOW_LINKS)) {
      scan(outputDir, found);
    }
    for (String r : reported) {
      Path p = Path.of(r);
      for (Path candidate :
          p.isAbsolute() ? List.of(p) : candidates(p, outputDir, childWorkingDir)) {
        Path abs = candidate.toAbsolutePath().normalize();
        if (!found.containsKey(abs) && Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
          found.put(abs, new OutputFile(abs.toString(), size(abs)));
          break;
        }
      }
    }
    List<OutputFile> files = new ArrayList<>(found.values());
    files.sort(Comparator.comparing(OutputFile::path));
    return files;
  }

  private static List<Path> candidates(Path relative, Path outputDir, Path childWorkingDir) {
    List<Path> c = new ArrayList<>();
    if (outputDir != null) {
      c.add(outputDir.resolve(relative));
    }
    c.add(childWorkingDir.resolve(relative));
    return c;
  }

  private static void scan(Path dir, Map<Path, OutputFile> found) {
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                Path abs = file.toAbsolutePath().normalize();
                found.put(abs, new OutputFile(abs.toString(), attrs.size()));
              }
              return found.size() >= MAX_FILES
                  ? FileVisitResult.TERMINATE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // a directory that vanished mid-scan lists what was seen
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }
}
