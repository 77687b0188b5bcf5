package prodbridge.batch;

/** A word as a POSIX shell reads it back: left bare when it is plain, else in single quotes. */
final class ShellWord {
  private ShellWord() {}

  static String quote(String word) {
    return word.matches("[A-Za-z0-9_./@%+=:,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
