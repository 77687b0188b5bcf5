package prodbridge.supervise;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Where a secret can begin in a child's output, found byte by byte without building strings: every
 * pattern the bridge redacts needs one of {@code sk-}, {@code key}, {@code token}, {@code bearer}
 * or {@code _secret} (in any case), so only lines holding one of these words are handed to the
 * redactor; the rest go to the log as they are.
 */
final class SecretWords {
  /**
   * Bytes at which a scan stops to look closer: the rarest letter of each word, and the '{' of an
   * event.
   */
  static final boolean[] ANCHOR = new boolean[256];

  static {
    for (char c : new char[] {'k', 'K', 'b', 'B', '_', '{'}) {
      ANCHOR[c] = true;
    }
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long CASE = 0x2020202020202020L;
  private static final long K = 0x6b6b6b6b6b6b6b6bL;
  private static final long B = 0x6262626262626262L;
  private static final long UNDERSCORE = 0x7f7f7f7f7f7f7f7fL;
  private static final long BRACE = 0x7b7b7b7b7b7b7b7bL;

  private SecretWords() {}

  /**
   * The index of the first anchor byte in {@code [i, to)}, or {@code to}. Eight bytes are looked at
   * together (an anchor, case folded, makes one of them equal a known byte), so text without
   * anchors costs a few operations per word; only a word that may hold one is looked at byte by
   * byte.
   */
  static int nextAnchor(byte[] b, int i, int to) {
    for (; i + 8 <= to; i += 8) {
      long folded = (long) LONGS.get(b, i) | CASE;
      if ((zeroByte(folded ^ K)
              | zeroByte(folded ^ B)
              | zeroByte(folded ^ UNDERSCORE)
              | zeroByte(folded ^ BRACE))
          != 0) {
        for (int j = i; j < i + 8; j++) {
          if (ANCHOR[b[j] & 0xff]) {
            return j;
          }
        }
      }
    }
    for (; i < to; i++) {
      if (ANCHOR[b[i] & 0xff]) {
        return i;
      }
    }
    return to;
  }

  /**
   * Non-zero when some byte of {@code x} is zero (the classic test; exact about whether there is
   * one).
   */
  private static long zeroByte(long x) {
    return (x - ONES) & ~x & HIGHS;
  }

  /**
   * Whether a secret word goes through the anchor byte at {@code i}, within the line {@code [from,
   * to)}.
   */
  static boolean at(byte[] b, int i, int from, int to) {
    switch (b[i] | 0x20) {
      case 'k' -> {
        return is(b, i - 1, from, to, 's') && i + 1 < to && b[i + 1] == '-'
            || is(b, i + 1, from, to, 'e') && is(b, i + 2, from, to, 'y')
            || is(b, i - 2, from, to, 't')
                && is(b, i - 1, from, to, 'o')
                && is(b, i + 1, from, to, 'e')
                && is(b, i + 2, from, to, 'n');
      }
      case 'b' -> {
        return matches(b, i, to, "bearer");
      }
      case '_' | 0x20 -> {
        return b[i] == '_' && matches(b, i + 1, to, "secret");
      }
      default -> {
        return false;
      }
    }
  }

  /** Whether the line {@code [from, to)} holds a secret word anywhere. */
  static boolean anywhere(byte[] b, int from, int to) {
    for (int i = nextAnchor(b, from, to); i < to; i = nextAnchor(b, i + 1, to)) {
      if (at(b, i, from, to)) {
        return true;
      }
    }
    return false;
  }

  private static boolean is(byte[] b, int i, int from, int to, char lower) {
    return i >= from && i < to && (b[i] | 0x20) == lower;
  }

  private static boolean matches(byte[] b, int i, int to, String lower) {
    if (i + lower.length() > to) {
      return false;
    }
    for (int k = 0; k < lower.length(); k++) {
      if ((b[i + k] | 0x20) != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
