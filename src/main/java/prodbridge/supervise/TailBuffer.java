package prodbridge.supervise;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The last {@code capacity} bytes written, in a fixed ring: memory stays flat however much is
 * written.
 */
final class TailBuffer {
  private final byte[] ring;
  private long written;

  TailBuffer(int capacity) {
    this.ring = new byte[capacity];
  }

  synchronized void write(byte[] b, int off, int len) {
    if (len > ring.length) {
      int skipped = len - ring.length;
      off += skipped;
      written += skipped;
      len = ring.length;
    }
    int pos = (int) (written % ring.length);
    int first = Math.min(len, ring.length - pos);
    System.arraycopy(b, off, ring, pos, first);
    System.arraycopy(b, off + first, ring, 0, len - first);
    written += len;
  }

  /**
   * The tail as UTF-8, with a multi-byte character cut at the front replaced rather than garbled.
   */
  synchronized String text() {
    int size = (int) Math.min(written, ring.length);
    byte[] ordered = new byte[size];
    long first = written - size;
    for (int i = 0; i < size; i++) {
      ordered[i] = ring[(int) ((first + i) % ring.length)];
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(ordered))
          .toString();
    } catch (java.nio.charset.CharacterCodingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  synchronized long totalBytes() {
    return written;
  }
}
