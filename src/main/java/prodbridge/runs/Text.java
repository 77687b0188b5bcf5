package prodbridge.runs;

/** Cutting free text to a size without splitting a surrogate pair. */
final class Text {
  private Text() {}

  /** The start of {@code s}, at most {@code max} characters, marked with an ellipsis when cut. */
  static String cut(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = Character.isLowSurrogate(s.charAt(max - 1)) ? max - 2 : max - 1;
    return s.substring(0, Math.max(0, end)) + "…";
  }

  /**
   * The end of {@code s}, at most {@code max} characters, starting at a line when one starts near
   * the cut.
   */
  static String tail(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int start = s.length() - max;
    if (Character.isLowSurrogate(s.charAt(start))) {
      start++;
    }
    int nl = s.indexOf('\n', start);
    if (nl >= 0 && nl < start + max / 4) {
      start = nl + 1;
    }
    return s.substring(start);
  }
}
