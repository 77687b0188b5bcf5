package prodbridge.report;

import java.util.List;
import java.util.Locale;
import prodbridge.runs.OutputFile;
import prodbridge.runs.RunResult;

/** A result as a short Markdown summary (for Claude Code) or as plain lines (for a terminal). */
public final class ResultView {
  private static final int FILES_SHOWN = 8;

  private ResultView() {}

  public static String markdown(RunResult r) {
    return markdown(r, "prod-bridge");
  }

  /** As {@link #markdown(RunResult)}, naming the next command to run with {@code launcher}. */
  public static String markdown(RunResult r, String launcher) {
    StringBuilder sb = new StringBuilder();
    sb.append("**").append(r.command()).append("** ").append(statusWord(r));
    if (r.episodeId() != null) {
      sb.append(" · episode `").append(r.episodeId()).append('`');
    }
    if (r.topic() != null) {
      sb.append(" · \"").append(TerminalText.safe(r.topic())).append('"');
    }
    sb.append("\n\n");
    sb.append("- Cost: ").append(cost(r)).append('\n');
    sb.append("- Quality: ").append(quality(r)).append('\n');
    sb.append("- Time: ")
        .append(seconds(r.executionTime()))
        .append(" · run `")
        .append(r.runId())
        .append("`\n");
    if (r.attempts().size() > 1) {
      sb.append("- Attempts: ").append(attempts(r)).append('\n');
    }
    appendFiles(sb, r.outputFiles(), r.outputFilesOmitted(), "- ", "  - `", "`");
    if (!r.succeeded()) {
      sb.append("- Error: **")
          .append(r.errorType())
          .append("**: ")
          .append(r.errorMessage())
          .append('\n');
      sb.append("- Hint: ").append(r.hint()).append('\n');
      sb.append("- Logs: `").append(r.logs().stderr()).append("`\n");
      sb.append("- Next: `")
          .append(launcher)
          .append(" logs ")
          .append(r.runId())
          .append(" --stderr --tail 50`")
          .append(" shows what the pipeline said last\n");
    }
    return sb.toString().stripTrailing();
  }

  public static String text(RunResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.command()).append(": ").append(statusWord(r));
    if (r.episodeId() != null) {
      sb.append("  episode ").append(r.episodeId());
    }
    sb.append('\n');
    if (r.topic() != null) {
      sb.append("  topic    ").append(TerminalText.safe(r.topic())).append('\n');
    }
    sb.append("  cost     ").append(cost(r)).append('\n');
    sb.append("  quality  ").append(quality(r)).append('\n');
    sb.append("  time     ")
        .append(seconds(r.executionTime()))
        .append("  (run ")
        .append(r.runId())
        .append(")\n");
    if (r.attempts().size() > 1) {
      sb.append("  attempts ").append(attempts(r)).append('\n');
    }
    appendFiles(sb, r.outputFiles(), r.outputFilesOmitted(), "  ", "    ", "");
    if (!r.succeeded()) {
      sb.append("  error    ")
          .append(r.errorType())
          .append(": ")
          .append(TerminalText.safe(r.errorMessage()))
          .append('\n');
      sb.append("  hint     ").append(r.hint()).append('\n');
      sb.append("  logs     ").append(r.logs().stderr()).append('\n');
    }
    return sb.toString().stripTrailing();
  }

  private static String statusWord(RunResult r) {
    return switch (r.status()) {
      case SUCCESS -> "succeeded";
      case CANCELLED -> "cancelled";
      case LOST -> "lost (its supervisor died)";
      case ERROR -> "failed (" + r.errorType() + ")";
    };
  }

  /** "3: RATE_LIMITED, RATE_LIMITED, succeeded". */
  private static String attempts(RunResult r) {
    return r.attempts().size()
        + ": "
        + r.attempts().stream()
            .map(a -> a.errorType() == null ? "succeeded" : a.errorType().name())
            .collect(java.util.stream.Collectors.joining(", "));
  }

  private static String cost(RunResult r) {
    String budget = money(r.budget()) + " budget";
    if (r.finalCost() == null) {
      return "unknown (" + budget + ")";
    }
    long pct = Math.round(100 * r.finalCost() / r.budget());
    return money(r.finalCost()) + " of " + budget + " (" + pct + "%)";
  }

  private static String quality(RunResult r) {
    String threshold = "threshold " + String.format(Locale.ROOT, "%.1f", r.qualityThreshold());
    return r.qualityScore() == null
        ? "not reported (" + threshold + ")"
        : String.format(Locale.ROOT, "%.1f/10 (%s)", r.qualityScore(), threshold);
  }

  /**
   * The files, their directory said once: the first file's directory heads the list, files in it
   * are named alone.
   */
  private static void appendFiles(
      StringBuilder sb,
      List<OutputFile> files,
      int omitted,
      String head,
      String itemPrefix,
      String itemSuffix) {
    int total = files.size() + omitted;
    java.nio.file.Path dir =
        files.isEmpty() ? null : java.nio.file.Path.of(files.get(0).path()).getParent();
    sb.append(head).append(total == 1 ? "1 file" : total + " files");
    if (dir != null) {
      sb.append(" in ")
          .append(itemSuffix.isEmpty() ? "" : "`")
          .append(TerminalText.safe(dir + "/"))
          .append(itemSuffix);
    }
    sb.append(total > 0 ? ":" : "").append('\n');
    for (int i = 0; i < Math.min(FILES_SHOWN, files.size()); i++) {
      java.nio.file.Path path = java.nio.file.Path.of(files.get(i).path());
      String name =
          dir != null && dir.equals(path.getParent())
              ? path.getFileName().toString()
              : path.toString();
      sb.append(itemPrefix)
          .append(TerminalText.safe(name))
          .append(itemSuffix)
          .append(" (")
          .append(size(files.get(i).bytes()))
          .append(")\n");
    }
    if (total > FILES_SHOWN) {
      sb.append(itemPrefix.replace("`", ""))
          .append("… and ")
          .append(total - FILES_SHOWN)
          .append(" more\n");
    }
  }

  public static String money(double usd) {
    return String.format(Locale.ROOT, "$%.2f", usd);
  }

  public static String seconds(double s) {
    return s < 60
        ? String.format(Locale.ROOT, "%.1fs", s)
        : String.format(Locale.ROOT, "%dm%02ds", (long) s / 60, (long) s % 60);
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }
}
