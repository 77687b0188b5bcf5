package prodbridge.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TailBufferTest {
  private static void write(TailBuffer t, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    t.write(b, 0, b.length);
  }

  @Test
  void keepsEverythingWhileUnderCapacity() {
    TailBuffer t = new TailBuffer(16);
    write(t, "abc");
    write(t, "def");
    assertThat(t.text()).isEqualTo("abcdef");
    assertThat(t.totalBytes()).isEqualTo(6);
  }

  @Test
  void keepsTheLastBytesAcrossWrapAround() {
    TailBuffer t = new TailBuffer(8);
    for (int i = 0; i < 10; i++) {
      write(t, "0123456789".substring(i, i + 1));
    }
    write(t, "abc");
    assertThat(t.text()).isEqualTo("56789abc");
    assertThat(t.totalBytes()).isEqualTo(13);
  }

  @Test
  void aWriteLargerThanTheBufferKeepsItsEnd() {
    TailBuffer t = new TailBuffer(4);
    write(t, "xy");
    write(t, "0123456789");
    assertThat(t.text()).isEqualTo("6789");
    write(t, "ab");
    assertThat(t.text()).isEqualTo("89ab");
  }

  @Test
  void aMultiByteCharacterCutAtTheFrontIsReplacedNotGarbled() {
    TailBuffer t = new TailBuffer(5);
    write(t, "ééé");
    assertThat(t.text()).isEqualTo("\uFFFDéé");
  }
}
