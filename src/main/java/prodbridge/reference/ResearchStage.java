package prodbridge.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Produces research notes for a topic, deterministically, charging searches and reading as it goes.
 */
final class ResearchStage {
  private static final String[] PUBLISHERS = {
    "Annual Review of Psychology",
    "Nature Reviews",
    "Science Advances",
    "The Lancet",
    "PNAS",
    "BBC Future",
    "Scientific American",
    "Quanta Magazine",
    "New Scientist",
    "The Conversation",
    "Royal Society Open Science",
    "Stanford Encyclopedia of Philosophy",
    "Cell Reports",
    "National Geographic",
    "NPR Science Friday",
    "Harvard Gazette",
    "MIT Technology Review",
    "Frontiers in Human Neuroscience"
  };
  private static final String[] KINDS = {
    "peer-reviewed study",
    "review article",
    "feature",
    "interview",
    "book chapter",
    "dataset",
    "meta-analysis"
  };
  private static final String[] TITLES = {
    "What we know about %s", "%s revisited: a systematic review", "The surprising history of %s",
    "Rethinking %s: evidence from %d studies", "A field guide to %s", "%s and the brain",
    "Measuring %s in everyday life", "Myths and facts about %s", "The economics of %s",
    "%s: an interview with a researcher", "Open questions in %s research", "How culture shapes %s",
    "%s across the lifespan", "Twenty years of %s data"
  };
  private static final String[] FINDINGS = {
    "Across {n} participants, {kw} was linked to a {p}% change in {kw2}.",
    "Researchers still disagree on whether {kw} is a cause or an effect of {kw2}.",
    "The idea that {kw} works the same way for everyone is not supported by the {p} studies reviewed.",
    "Early accounts of {kw} date back at least {p} years, long before modern measurement.",
    "When {kw} was measured objectively rather than self-reported, the effect on {kw2} shrank by about {p}%.",
    "A common claim about {kw} traces back to a single small study of {n} people.",
    "Long-term data suggest {kw} changes markedly with age, peaking in the first {p} years.",
    "Experts interviewed for this episode named {kw} as the most misunderstood part of {kw2}.",
    "Cross-cultural comparisons across {p} countries show {kw} is shaped by habits as much as biology.",
    "Newer methods let researchers observe {kw} directly in about {p}% of cases."
  };

  private final TopicWords words;
  private final CostLedger ledger;
  private final Pacer pacer;

  ResearchStage(TopicWords words, CostLedger ledger, Pacer pacer) {
    this.words = words;
    this.ledger = ledger;
    this.pacer = pacer;
  }

  ResearchNotes run(String episodeId) {
    Random r = words.random("research");
    int count = 10 + r.nextInt(5);
    List<ResearchNotes.Source> sources = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String kw = words.keyword(r);
      String title =
          String.format(
              Locale.ROOT, TITLES[r.nextInt(TITLES.length)], capital(kw), 5 + r.nextInt(60));
      String publisher = PUBLISHERS[r.nextInt(PUBLISHERS.length)];
      sources.add(
          new ResearchNotes.Source(
              i,
              title,
              publisher,
              1998 + r.nextInt(27),
              KINDS[r.nextInt(KINDS.length)],
              "https://example.org/synthetic/" + slug(title) + "-" + i));
      ledger.charge("research", PriceTable.WEB_SEARCH, 1);
      ledger.charge("research", PriceTable.LLM_INPUT, 4000 + r.nextInt(4000));
      pacer.step(
          "research", i * 80 / count, "read source " + i + " of " + count + ": " + publisher);
    }
    List<ResearchNotes.Finding> findings = new ArrayList<>();
    int findingCount = 8 + r.nextInt(5);
    for (int i = 0; i < findingCount; i++) {
      String text =
          FINDINGS[i % FINDINGS.length]
              .replace("{n}", String.valueOf(40 + r.nextInt(4000)))
              .replace("{p}", String.valueOf(5 + r.nextInt(40)))
              .replace("{kw2}", words.keyword(r))
              .replace("{kw}", words.keyword(r));
      findings.add(
          new ResearchNotes.Finding(text, List.of(1 + r.nextInt(count), 1 + r.nextInt(count))));
    }
    List<String> questions =
        List.of(
            "What is " + words.subject().toLowerCase(Locale.ROOT) + " really about?",
            "Where did our ideas about " + words.keywords().get(0) + " come from?",
            "What does the evidence actually say?",
            "What do people most often get wrong?",
            "What is still unknown?",
            "What should listeners take away?");
    ResearchNotes notes =
        new ResearchNotes(episodeId, words.topic(), true, sources, findings, questions);
    ledger.charge(
        "research", PriceTable.LLM_OUTPUT, PriceTable.tokens(findings.toString().length()) * 3);
    pacer.step("research", 100, findingCount + " findings from " + count + " sources");
    return notes;
  }

  static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String slug(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
