package prodbridge.cli;

import java.util.ArrayList;
import java.util.List;
import prodbridge.config.UsageException;

/**
 * Splits one argument string the way a POSIX shell splits words, without expanding anything: blanks
 * separate words; single quotes keep everything literally; double quotes keep blanks and allow
 * {@code \"} and {@code \\}; a backslash outside quotes keeps the next character. So a slash
 * command can hand over {@code $ARGUMENTS} whole ({@code --args '"Why do we dream?" --budget 3'})
 * and the topic and flags come out as the user typed them. Unlike a shell it forgives what people
 * type: an apostrophe between two letters or digits ({@code moon's}) is just a character, inside
 * quotes too, and a quote with no partner to close it is kept as a character.
 */
final class ArgumentString {
  static final String FLAG = "--args";

  private ArgumentString() {}

  /**
   * {@code args} with each {@code --args STRING} (or {@code --args=STRING}) replaced by the words
   * of STRING.
   */
  static String[] expand(String[] args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--")) {
        out.addAll(List.of(args).subList(i, args.length));
        break;
      }
      if (args[i].equals(FLAG)) {
        if (i + 1 >= args.length) {
          throw new UsageException(FLAG + ": missing its argument string");
        }
        out.addAll(split(args[++i]));
      } else if (args[i].startsWith(FLAG + "=")) {
        out.addAll(split(args[i].substring(FLAG.length() + 1)));
      } else {
        out.add(args[i]);
      }
    }
    return out.toArray(String[]::new);
  }

  static List<String> split(String s) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' && !apostrophe(s, i)) {
        int end = closingSingleQuote(s, i);
        if (end < 0) {
          word.append(c);
        } else {
          word.append(s, i + 1, end);
          i = end;
        }
        inWord = true;
      } else if (c == '"' && s.indexOf('"', i + 1) >= 0) {
        i = doubleQuoted(s, i, word);
        inWord = true;
      } else if (c == '\\' && i + 1 < s.length()) {
        word.append(s.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** True when the quote at {@code i} sits between two letters or digits, as in {@code moon's}. */
  private static boolean apostrophe(String s, int i) {
    return i > 0
        && i + 1 < s.length()
        && Character.isLetterOrDigit(s.charAt(i - 1))
        && Character.isLetterOrDigit(s.charAt(i + 1));
  }

  /**
   * The quote that closes the one opening at {@code open} (apostrophes skipped), or -1 when none
   * does.
   */
  private static int closingSingleQuote(String s, int open) {
    for (int i = s.indexOf('\'', open + 1); i >= 0; i = s.indexOf('\'', i + 1)) {
      if (!apostrophe(s, i)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Appends the double-quoted part that opens at {@code open}; returns the index of its closing
   * quote.
   */
  private static int doubleQuoted(String s, int open, StringBuilder word) {
    for (int i = open + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        return i;
      }
      if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
        c = s.charAt(++i);
      }
      word.append(c);
    }
    throw new UsageException(
        FLAG + ": unterminated \" quote at character " + (open + 1) + " of: " + s);
  }
}
