package prodbridge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import prodbridge.config.UsageException;

@Command(mixinStandardHelpOptions = true, name = "install-commands",
    description = "Write the Claude Code slash commands (/prod-episode, /prod-status, ...) into a project; a file"
        + " you edited is kept unless --force.")
final class InstallCommandsCommand implements Callable<Integer> {
  static final List<String> FILES = List.of(
      "prod-episode.md", "prod-research.md", "prod-script.md", "prod-audio.md", "prod-status.md", "prod-cancel.md");

  static final String MANIFEST = ".prod-bridge-commands.sha256";

  @Option(names = "--dir", paramLabel = "DIR", description = "Where to write them (default: ./.claude/commands).")
  Path dir;

  @Option(names = "--force", description = "Overwrite files that differ from what this version writes.")
  boolean force;

  private final Context context;

  InstallCommandsCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    Path target = context.workingDir().resolve(dir != null ? dir : Path.of(".claude", "commands")).normalize();
    prodbridge.runs.WritableDir.check(target, "install-commands --dir");
    String launcher = Launcher.path();
    if (!Path.of(launcher).isAbsolute() || !Files.isExecutable(Path.of(launcher))) {
      throw new UsageException("install-commands: run it through the launcher (target/prod-bridge or an installed"
          + " copy), so the command files can name its absolute path; this process has \"" + launcher + "\"");
    }
    List<String> changed = FILES.stream().filter(f -> differs(target.resolve(f), render(f, launcher))).toList();
    java.util.Map<String, String> written = readManifest(target);
    List<String> userEdited = changed.stream()
        .filter(f -> Files.exists(target.resolve(f)) && !sha256(target.resolve(f)).equals(written.get(f))).toList();
    if (!userEdited.isEmpty() && !force) {
      throw new UsageException("install-commands: " + target + " already has different " + String.join(", ", userEdited)
          + "; keep your changes, or overwrite them with --force");
    }
    Files.createDirectories(target);
    StringBuilder manifest = new StringBuilder();
    for (String f : FILES) {
      if (changed.contains(f)) {
        Files.writeString(target.resolve(f), render(f, launcher), StandardCharsets.UTF_8);
      }
      manifest.append(sha256(target.resolve(f))).append("  ").append(f).append('\n');
    }
    Files.writeString(target.resolve(MANIFEST), manifest.toString(), StandardCharsets.UTF_8);
    context.err().println("prod-bridge: " + (changed.isEmpty() ? "already up to date" : "wrote " + String.join(", ", changed))
        + " in " + target + " (launcher " + launcher + ")");
    context.err().println("prod-bridge: runs and episodes are written under .prod-bridge/ and episodes/ in the"
        + " working directory; add both to your .gitignore");
    context.out().println(prodbridge.runs.ResultJson.write(java.util.Map.of(
        "dir", target.toString(), "launcher", launcher, "written", changed, "unchanged",
        FILES.stream().filter(f -> !changed.contains(f)).toList())));
    return 0;
  }

  /** What this command wrote last time (sha256 per file), to tell a file the user edited from one it wrote. */
  private static java.util.Map<String, String> readManifest(Path target) throws IOException {
    Path m = target.resolve(MANIFEST);
    java.util.Map<String, String> hashes = new java.util.HashMap<>();
    if (Files.isRegularFile(m)) {
      for (String line : Files.readAllLines(m, StandardCharsets.UTF_8)) {
        String[] parts = line.split("  ", 2);
        if (parts.length == 2) {
          hashes.put(parts[1], parts[0]);
        }
      }
    }
    return hashes;
  }

  private static String sha256(Path file) {
    try {
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      return "";
    }
  }

  static String render(String file, String launcher) {
    try (InputStream in = InstallCommandsCommand.class.getClassLoader().getResourceAsStream("commands/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{launcher}}", launcher);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("built-in commands/" + file + " is missing from the jar", e);
    }
  }

  private static boolean differs(Path file, String content) {
    try {
      return !Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(content);
    } catch (IOException e) {
      return true;
    }
  }
}
