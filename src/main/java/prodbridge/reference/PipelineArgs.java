package prodbridge.reference;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The reference pipeline's command line: {@code STAGE --topic T --episode-id ID --budget USD
 * --quality-threshold Q --output-dir DIR [--pace F] [--simulate KIND]}. Pace and simulation also
 * come from {@code REFERENCE_PIPELINE_PACE} and {@code REFERENCE_PIPELINE_SIMULATE}.
 */
record PipelineArgs(
    Stage stage,
    String topic,
    String episodeId,
    double budget,
    double qualityThreshold,
    Path outputDir,
    double pace,
    Simulation simulation) {

  static final String USAGE =
      "usage: ReferencePipeline {episode,research,script,audio} --topic TOPIC --episode-id ID"
          + " --output-dir DIR [--budget USD] [--quality-threshold Q] [--pace FACTOR] [--simulate KIND]";

  /** Parses like argparse: an unknown or incomplete flag is a usage error (exit 2). */
  static PipelineArgs parse(String[] args, java.util.Map<String, String> env) {
    if (args.length == 0) {
      throw new IllegalArgumentException("missing stage");
    }
    Stage stage = Stage.parse(args[0]);
    String topic = null;
    String episodeId = null;
    String outputDir = null;
    double budget = 5.51;
    double threshold = 8.0;
    String pace = env.getOrDefault("REFERENCE_PIPELINE_PACE", "0");
    String simulate = env.get("REFERENCE_PIPELINE_SIMULATE");
    for (int i = 1; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("argument " + args[i] + ": expected one argument");
      }
      String v = args[i + 1];
      switch (args[i]) {
        case "--topic" -> topic = v;
        case "--episode-id" -> episodeId = v;
        case "--output-dir" -> outputDir = v;
        case "--budget" -> budget = number(args[i], v);
        case "--quality-threshold" -> threshold = number(args[i], v);
        case "--pace" -> pace = v;
        case "--simulate" -> simulate = v;
        default -> throw new IllegalArgumentException("unrecognized arguments: " + args[i]);
      }
    }
    if (episodeId == null || outputDir == null) {
      throw new IllegalArgumentException(
          "the following arguments are required: --episode-id, --output-dir");
    }
    if (episodeId.contains("/") || episodeId.contains("..")) {
      throw new IllegalArgumentException("argument --episode-id: not a plain name: " + episodeId);
    }
    if (budget <= 0) {
      throw new IllegalArgumentException("argument --budget: must be positive");
    }
    return new PipelineArgs(
        stage,
        topic == null || topic.isBlank() ? null : topic.strip(),
        episodeId,
        budget,
        threshold,
        Path.of(outputDir),
        number("--pace", pace),
        Simulation.parse(simulate));
  }

  private static double number(String flag, String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("argument " + flag + ": invalid float value: '" + v + "'");
    }
  }

  /** What one invocation produces. */
  enum Stage {
    EPISODE,
    RESEARCH,
    SCRIPT,
    AUDIO;

    static Stage parse(String s) {
      try {
        return valueOf(s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "invalid choice: '" + s + "' (choose from episode, research, script, audio)");
      }
    }
  }
}
