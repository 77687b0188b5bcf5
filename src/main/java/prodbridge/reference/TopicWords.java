package prodbridge.reference;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** A topic's key words and the seed that makes everything produced for it the same every time. */
record TopicWords(String topic, String subject, List<String> keywords, long seed) {
  private static final Set<String> STOP =
      Set.of(
          "what",
          "why",
          "how",
          "when",
          "where",
          "who",
          "does",
          "do",
          "the",
          "and",
          "for",
          "with",
          "from",
          "that",
          "this",
          "are",
          "is",
          "was",
          "were",
          "about",
          "into",
          "your",
          "our",
          "their",
          "can",
          "should",
          "would",
          "could",
          "will",
          "have",
          "has",
          "really",
          "actually",
          "we",
          "you",
          "they",
          "not");

  static TopicWords of(String topic) {
    String subject = topic.strip().replaceAll("[?!.]+$", "");
    List<String> keywords = new ArrayList<>();
    for (String w : subject.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() > 2 && !STOP.contains(w) && !keywords.contains(w)) {
        keywords.add(w);
      }
    }
    if (keywords.isEmpty()) {
      keywords.add(subject.isEmpty() ? "this topic" : subject.toLowerCase(Locale.ROOT));
    }
    return new TopicWords(topic.strip(), subject, List.copyOf(keywords), seed(subject));
  }

  Random random(String purpose) {
    return new Random(seed ^ purpose.hashCode());
  }

  String keyword(Random r) {
    return keywords.get(r.nextInt(keywords.size()));
  }

  private static long seed(String subject) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(subject.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      long s = 0;
      for (int i = 0; i < 8; i++) {
        s = (s << 8) | (h[i] & 0xff);
      }
      return s;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
