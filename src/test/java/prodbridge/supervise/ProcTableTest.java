package prodbridge.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcTableTest {
  @Test
  void parsesAStatLineWhoseNameHasSpacesAndParentheses() {
    String stat =
        "4242 (odd (name) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 10";
    ProcEntry e = ProcTable.parseStat(4242, stat);
    assertThat(e)
        .isEqualTo(new ProcEntry(4242, 1, 4242, 4242, 'S', 987654, 10 * ProcTable.PAGE_BYTES));
  }

  @Test
  void readsItsOwnProcessAndEnvironment() {
    long self = ProcessHandle.current().pid();
    assertThat(ProcTable.read(self)).get().extracting(ProcEntry::pid).isEqualTo(self);
    assertThat(ProcTable.read(self).orElseThrow().rssBytes())
        .as("a JVM's resident memory")
        .isGreaterThan(10L << 20);
    assertThat(ProcTable.environContains(self, "PATH=" + System.getenv("PATH"))).isTrue();
    assertThat(ProcTable.environContains(self, "PATH=")).isFalse();
    assertThat(ProcTable.environValue(self, "NO_SUCH_VARIABLE_HERE")).isNull();
  }

  @Test
  void pageSizeComesFromTheKernel() {
    assertThat(ProcTable.PAGE_BYTES)
        .isPositive()
        .matches(b -> Long.bitCount(b) == 1, "a power of two");
  }
}
