package prodbridge.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stages one invocation runs, reading earlier artifacts of the episode where a stage needs
 * them.
 */
final class EpisodeWork {
  private final PipelineArgs args;
  private final CostLedger ledger;
  private final Pacer pacer;
  private final TopicWords words;
  private final List<Path> written;
  private final Map<String, Double> scores;
  private final Map<String, Object> measured;

  EpisodeWork(
      PipelineArgs args,
      CostLedger ledger,
      Pacer pacer,
      TopicWords words,
      List<Path> written,
      Map<String, Double> scores,
      Map<String, Object> measured) {
    this.args = args;
    this.ledger = ledger;
    this.pacer = pacer;
    this.words = words;
    this.written = written;
    this.scores = scores;
    this.measured = measured;
  }

  /** Runs the invocation's stages and returns the episode's topic. */
  String produce() throws IOException {
    switch (args.stage()) {
      case RESEARCH -> {
        return research(requireTopic()).topic();
      }
      case SCRIPT -> {
        ResearchNotes notes = existingResearch();
        if (notes == null) {
          notes = research(requireTopic());
        }
        script(notes);
        return notes.topic();
      }
      case AUDIO -> {
        Path scriptFile = file("script", "md");
        if (!Files.isRegularFile(scriptFile)) {
          throw new MissingInput(
              "no script for episode "
                  + args.episodeId()
                  + " in "
                  + args.outputDir()
                  + ": run prod-script --episode-id "
                  + args.episodeId()
                  + " first");
        }
        String script = Files.readString(scriptFile);
        audio(script);
        String heading = script.lines().findFirst().orElse("# ?");
        return heading.startsWith("# ") ? heading.substring(2).strip() : args.topic();
      }
      default -> {
        ResearchNotes notes = research(requireTopic());
        String script = script(notes);
        audio(script);
        pacer.start("quality");
        writeJson(file("quality", "json"), qualityReport());
        pacer.done("quality", "overall " + StagePlan.overall(scores) + "/10");
        return notes.topic();
      }
    }
  }

  private ResearchNotes research(TopicWords topic) throws IOException {
    pacer.start("research");
    ResearchNotes notes = new ResearchStage(topic, ledger, pacer).run(args.episodeId());
    writeJson(file("research", "json"), notes);
    scores.put("research", QualityStage.research(notes, measured));
    pacer.done("research", notes.sources().size() + " sources");
    return notes;
  }

  private String script(ResearchNotes notes) throws IOException {
    pacer.start("script");
    if (args.simulation() == Simulation.CRASH) {
      throw new IllegalStateException("simulated crash: segment writer lost its state");
    }
    String md = new ScriptStage(TopicWords.of(notes.topic()), ledger, pacer).run(notes);
    write(file("script", "md"), md);
    scores.put("script", QualityStage.script(md, notes.sources().size(), measured));
    pacer.done("script", SpokenLine.wordCount(SpokenLine.parse(md)) + " words");
    return md;
  }

  private void audio(String script) throws IOException {
    pacer.start("audio");
    Path wav = file("audio", "wav");
    new AudioStage(ledger, pacer).run(script, wav);
    written.add(wav);
    scores.put(
        "audio", QualityStage.audio(wav, SpokenLine.wordCount(SpokenLine.parse(script)), measured));
    pacer.done("audio", Files.size(wav) / 1024 + " KB of audio");
  }

  private ResearchNotes existingResearch() throws IOException {
    Path f = file("research", "json");
    return Files.isRegularFile(f) ? Events.JSON.readValue(f.toFile(), ResearchNotes.class) : null;
  }

  private TopicWords requireTopic() {
    if (words == null) {
      throw new MissingInput(
          "no topic given and no research for episode "
              + args.episodeId()
              + " in "
              + args.outputDir()
              + ": pass a topic");
    }
    return words;
  }

  private Map<String, Object> qualityReport() {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("episode_id", args.episodeId());
    q.put("scores", scores);
    q.put("overall", StagePlan.overall(scores));
    q.put("threshold", args.qualityThreshold());
    q.put("passed", StagePlan.overall(scores) >= args.qualityThreshold());
    q.put("measurements", measured);
    return q;
  }

  private Path file(String kind, String ext) {
    return args.outputDir().resolve(kind + "-" + args.episodeId() + "." + ext).toAbsolutePath();
  }

  private void writeJson(Path f, Object value) throws IOException {
    write(f, Events.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
  }

  private void write(Path f, String content) throws IOException {
    Files.writeString(f, content);
    written.add(f);
  }

  /** An earlier stage's artifact, or the topic, that this invocation needs is missing. */
  static final class MissingInput extends RuntimeException {
    MissingInput(String message) {
      super(message);
    }
  }
}
