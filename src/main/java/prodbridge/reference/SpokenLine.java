package prodbridge.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One host's turn in a script: {@code **ALEX:** words...}. */
record SpokenLine(String speaker, String text) {
  private static final Pattern TURN =
      Pattern.compile("^\\*\\*([A-Z]+):\\*\\*\\s+(.+)$", Pattern.MULTILINE);

  static List<SpokenLine> parse(String markdown) {
    List<SpokenLine> lines = new ArrayList<>();
    Matcher m = TURN.matcher(markdown);
    while (m.find()) {
      lines.add(new SpokenLine(m.group(1), m.group(2).strip()));
    }
    return lines;
  }

  static int wordCount(List<SpokenLine> lines) {
    return lines.stream().mapToInt(l -> l.words().length).sum();
  }

  String[] words() {
    return text.split("\\s+");
  }
}
