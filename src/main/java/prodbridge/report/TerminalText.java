package prodbridge.report;

/**
 * Text from outside (a topic, an error message) made safe to print on a terminal: control
 * characters, ANSI escapes and other invisible format characters are shown as visible escapes
 * ({@code \e}, {@code \n}, {@code \u200b}) so they cannot move the cursor, recolour the screen or
 * hide what follows.
 */
public final class TerminalText {
  private TerminalText() {}

  public static String safe(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (c == 0x1b) {
                b.append("\\e");
              } else if (c == '\n') {
                b.append("\\n");
              } else if (c == '\r') {
                b.append("\\r");
              } else if (c == '\t') {
                b.append(' ');
              } else if (Character.isISOControl(c)
                  || Character.getType(c) == Character.FORMAT
                  || c == 0x2028
                  || c == 0x2029) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }
}
