package prodbridge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import prodbridge.config.UsageException;
import prodbridge.runs.Relaunch;

@Command(
    mixinStandardHelpOptions = true,
    name = "install-plugin",
    description =
        "Make this bridge a Claude Code plugin in one step: writes the prod-bridge plugin (skills"
            + " /prod-episode ..., hooks, monitor, MCP server) into .claude/skills/prod-bridge of this project, or of your"
            + " home with --scope user, its bin/prod-bridge running this launcher. A file you edited is kept unless"
            + " --force.")
final class InstallPluginCommand implements Callable<Integer> {
  /** The plugin's files, as they sit under plugin/ in the repository and in the jar. */
  static final List<String> FILES =
      List.of(
          ".claude-plugin/plugin.json",
          ".mcp.json",
          "README.md",
          "bin/prod-bridge",
          "hooks/hooks.json",
          "monitors/monitors.json",
          "skills/prod-episode/SKILL.md",
          "skills/prod-research/SKILL.md",
          "skills/prod-script/SKILL.md",
          "skills/prod-audio/SKILL.md",
          "skills/prod-status/SKILL.md",
          "skills/prod-result/SKILL.md",
          "skills/prod-runs/SKILL.md",
          "skills/prod-cancel/SKILL.md");

  static final String BIN = "bin/prod-bridge";
  static final String MANIFEST = ".prod-bridge-plugin.sha256";

  enum Scope {
    USER,
    PROJECT
  }

  @Option(
      names = "--scope",
      paramLabel = "SCOPE",
      description =
          "project (./.claude/skills/prod-bridge, the default) or user (~/.claude/skills/prod-bridge).")
  Scope scope = Scope.PROJECT;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Write the plugin folder here instead.")
  Path dir;

  @Option(names = "--force", description = "Overwrite files you edited.")
  boolean force;

  private final Context context;

  InstallPluginCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    if (dir != null) {
      prodbridge.runs.WritableDir.check(
          context.workingDir().resolve(dir).normalize(), "install-plugin --dir");
    }
    String launcher = Relaunch.script();
    if (launcher == null) {
      throw new UsageException(
          "install-plugin: run it through the launcher (target/prod-bridge or an installed"
              + " copy), so the plugin's bin/prod-bridge can name its absolute path");
    }
    Path target =
        context
            .workingDir()
            .resolve(
                dir != null ? dir : base().resolve(Path.of(".claude", "skills", "prod-bridge")))
            .normalize();
    Map<String, String> content = new LinkedHashMap<>();
    for (String f : FILES) {
      content.put(f, f.equals(BIN) ? bin(launcher) : resource(f));
    }
    List<String> changed =
        FILES.stream().filter(f -> differs(target.resolve(f), content.get(f))).toList();
    Map<String, String> written = readManifest(target);
    List<String> userEdited =
        changed.stream()
            .filter(
                f ->
                    Files.exists(target.resolve(f))
                        && !sha256(target.resolve(f)).equals(written.get(f)))
            .toList();
    if (!userEdited.isEmpty() && !force) {
      throw new UsageException(
          "install-plugin: you edited "
              + String.join(", ", userEdited)
              + " in "
              + target
              + "; nothing was written: keep your changes, or overwrite them with --force");
    }
    StringBuilder manifest = new StringBuilder();
    for (String f : FILES) {
      Path file = target.resolve(f);
      if (changed.contains(f)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content.get(f), StandardCharsets.UTF_8);
        if (f.startsWith("bin/")) {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
      manifest.append(sha256(file)).append("  ").append(f).append('\n');
    }
    Files.writeString(target.resolve(MANIFEST), manifest.toString(), StandardCharsets.UTF_8);
    context
        .err()
        .println(
            "prod-bridge: "
                + (changed.isEmpty() ? "already up to date" : "wrote " + changed.size() + " files")
                + " in "
                + target
                + "; Claude Code loads it as prod-bridge@skills-dir in its next session"
                + " (/prod-episode, /prod-status, ...)");
    context
        .err()
        .println(
            "prod-bridge: runs and episodes are written under .prod-bridge/ and episodes/ in the"
                + " working directory; add both to your .gitignore");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dir", target.toString());
    out.put("scope", dir != null ? "dir" : scope.name().toLowerCase(java.util.Locale.ROOT));
    out.put("launcher", launcher);
    out.put("written", changed);
    context.out().println(prodbridge.runs.ResultJson.write(out));
    return ExitCode.OK.code();
  }

  private Path base() {
    if (scope == Scope.PROJECT) {
      return context.workingDir();
    }
    String home = context.env().get("HOME");
    if (home == null || home.isBlank()) {
      throw new UsageException("install-plugin --scope user: HOME is not set");
    }
    return Path.of(home);
  }

  /** The plugin's bin/prod-bridge when installed from a built jar: it runs that jar's launcher. */
  static String bin(String launcher) {
    return "#!/bin/sh\n# prod-bridge for Claude Code, written by prod-bridge install-plugin: runs this launcher.\n"
        + "exec '"
        + launcher.replace("'", "'\\''")
        + "' \"$@\"\n";
  }

  static String resource(String file) {
    try (InputStream in =
        InstallPluginCommand.class.getClassLoader().getResourceAsStream("plugin/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("built-in plugin/" + file + " is missing from the jar", e);
    }
  }

  /**
   * What this command wrote last time (sha256 per file), to tell a file the user edited from one it
   * wrote.
   */
  private static Map<String, String> readManifest(Path target) throws IOException {
    Path m = target.resolve(MANIFEST);
    Map<String, String> hashes = new HashMap<>();
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

  static String sha256(Path file) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      return "";
    }
  }

  private static boolean differs(Path file, String content) {
    try {
      return !Files.isRegularFile(file)
          || !Files.readString(file, StandardCharsets.UTF_8).equals(content);
    } catch (IOException e) {
      return true;
    }
  }
}
