package prodbridge.reference;

import java.util.List;
import java.util.Random;

/**
 * Writes a two-host script in Markdown from research notes: a cold open, one segment per research
 * question, a wrap-up and the sources. About 150 spoken words a minute, so 27 minutes is about
 * 4,050 words.
 */
final class ScriptStage {
  static final int WORDS_PER_MINUTE = 150;
  static final int TARGET_MINUTES = 27;
  private static final String[] HOSTS = {"ALEX", "SAM"};
  private static final String[] OPENERS = {
    "", "Honestly, ", "You know, ", "Interestingly, ", "Right. ", "Okay, "
  };
  private static final String[] LINES = {
    "when people talk about {kw}, what do they usually mean?",
    "the short answer is that {kw} is less settled than most headlines suggest.",
    "here's a finding that surprised me: {finding} {cite}",
    "{pub} put it nicely: the story of {kw} is really a story about {kw2}. {cite}",
    "that connects to something we heard about {kw2}.",
    "I want to push back a little, because the evidence on {kw} is mixed.",
    "if you only remember one thing from this part, make it this: {finding} {cite}",
    "think about your own week: how often does {kw} actually come up?",
    "researchers have been arguing about this for decades, and the data keep shifting.",
    "one study followed people for years, and the pattern around {kw} was clearer than I expected. {cite}",
    "it's tempting to reduce {kw} to a single cause, but {kw2} plays a part too.",
    "let me read a line from our notes: {finding} {cite}",
    "that sounds simple, but measuring {kw} turns out to be really hard.",
    "and that's exactly where the myths creep in.",
    "for anyone who wants to go deeper, the sources are in the show notes, starting with {pub}. {cite}",
    "what I love about {kw} is that everyone has an opinion and almost nobody has the data.",
    "so how confident should we be? Moderately: about {n} percent of the studies point the same way.",
    "there's a practical side too: small changes in {kw2} can shift how we experience {kw}.",
    "let's slow down and define terms, because {kw} means different things in different fields.",
    "there's a historical wrinkle here that I find fascinating, and it starts with {pub}. {cite}"
  };

  private final TopicWords words;
  private final CostLedger ledger;
  private final Pacer pacer;

  ScriptStage(TopicWords words, CostLedger ledger, Pacer pacer) {
    this.words = words;
    this.ledger = ledger;
    this.pacer = pacer;
  }

  String run(ResearchNotes notes) {
    Random r = words.random("script");
    int target = TARGET_MINUTES * WORDS_PER_MINUTE;
    List<String> sections = new java.util.ArrayList<>();
    sections.add("Cold open");
    notes.questions().forEach(q -> sections.add(q));
    sections.add("Wrap-up");
    int perSection = target / sections.size();
    StringBuilder md = new StringBuilder();
    md.append("# ").append(words.topic()).append("\n\n");
    md.append("*Episode ")
        .append(notes.episodeId())
        .append(" · about ")
        .append(TARGET_MINUTES)
        .append(" minutes · hosts Alex and Sam*\n\n");
    long researchChars = notes.toString().length();
    ledger.charge("script", PriceTable.LLM_INPUT, PriceTable.tokens(researchChars));
    int cite = 0;
    int[] state = {0};
    for (int s = 0; s < sections.size(); s++) {
      md.append("## ")
          .append(
              s == 0 || s == sections.size() - 1
                  ? sections.get(s)
                  : "Segment " + s + ": " + sections.get(s))
          .append("\n\n");
      int sectionStart = md.length();
      int words = 0;
      int turn = s % 2;
      while (words < perSection) {
        StringBuilder line = new StringBuilder();
        int sentences = 2 + r.nextInt(3);
        int previous = -1;
        for (int k = 0; k < sentences; k++) {
          int pick = r.nextInt(LINES.length);
          if (pick == previous) {
            pick = (pick + 1) % LINES.length;
          }
          previous = pick;
          String template = LINES[pick];
          if (template.contains("{cite}") || template.contains("{pub}")) {
            cite = cite % notes.sources().size() + 1;
          }
          line.append(k == 0 ? "" : " ").append(sentence(r, template, notes, cite, state));
        }
        md.append("**").append(HOSTS[turn]).append(":** ").append(line).append("\n\n");
        words += line.toString().split("\\s+").length;
        turn = 1 - turn;
      }
      ledger.charge("script", PriceTable.LLM_INPUT, PriceTable.tokens(researchChars / 2));
      ledger.charge("script", PriceTable.LLM_OUTPUT, PriceTable.tokens(md.length() - sectionStart));
      pacer.step("script", (s + 1) * 90 / sections.size(), "wrote " + sections.get(s));
    }
    md.append("## Sources\n\n");
    for (ResearchNotes.Source src : notes.sources()) {
      md.append(src.id())
          .append(". ")
          .append(src.title())
          .append(". *")
          .append(src.publisher())
          .append("*, ")
          .append(src.year())
          .append(" (")
          .append(src.kind())
          .append("). ")
          .append(src.url())
          .append('\n');
    }
    ledger.charge("script", PriceTable.LLM_INPUT, PriceTable.tokens(md.length()));
    ledger.charge("script", PriceTable.LLM_OUTPUT, PriceTable.tokens(md.length() / 10));
    pacer.step("script", 100, "revised the draft");
    return md.toString();
  }

  private String sentence(
      Random r, String template, ResearchNotes notes, int cite, int[] findingIndex) {
    ResearchNotes.Finding finding =
        notes.findings().get(findingIndex[0]++ % notes.findings().size());
    String text =
        template
            .replace("{finding}", finding.text())
            .replace("{cite}", "[" + cite + "]")
            .replace("{pub}", notes.sources().get(cite == 0 ? 0 : cite - 1).publisher())
            .replace("{n}", String.valueOf(55 + r.nextInt(35)))
            .replace("{kw2}", words.keyword(r))
            .replace("{kw}", words.keyword(r));
    String opener = OPENERS[r.nextInt(OPENERS.length)];
    String body = opener.endsWith(". ") || opener.isEmpty() ? capital(text) : text;
    return capital(opener + body);
  }

  private static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
