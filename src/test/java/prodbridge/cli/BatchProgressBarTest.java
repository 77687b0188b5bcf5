package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import prodbridge.batch.BatchProgress;

class BatchProgressBarTest {
  @Test
  void theBarShowsDoneFailedRunningCostAgainstTheTotalAndEta() {
    String line =
        BatchProgressBar.render(new BatchProgress(50, 20, 3, 0, 4, 23, 12.345, 100.0, 125L, null));
    assertThat(line)
        .isEqualTo(
            "[###########.............] 23/50 · 20 ok · 3 failed · 4 running · $12.35 of $100.00 · ETA 2:05");
  }

  @Test
  void withoutATotalBudgetOrEtaAndWhileHeldBack() {
    String line =
        BatchProgressBar.render(new BatchProgress(3, 0, 0, 0, 1, 2, 0.0, null, null, "memory"));
    assertThat(line)
        .isEqualTo(
            "[........................] 0/3 · 0 ok · 0 failed · 1 running · $0.00 · waiting for memory");
  }

  @Test
  void aSkippedJobIsCountedApartFromTheFailedOnes() {
    String line =
        BatchProgressBar.render(new BatchProgress(4, 3, 0, 1, 0, 0, 5.07, 10.0, null, null));
    assertThat(line).contains("4/4 · 3 ok · 0 failed · 1 skipped · 0 running");
  }

  @ParameterizedTest
  @ValueSource(ints = {20, 40, 50, 80, 100, 200})
  void theLineFitsEveryWidthWithoutWrapping(int columns) {
    BatchProgress p = new BatchProgress(50, 20, 3, 2, 4, 21, 12.345, 100.0, 125L, "memory");
    String line = LiveLine.fit(BatchProgressBar.render(p, columns), columns);
    assertThat(line.codePointCount(0, line.length())).isLessThan(columns);
    if (columns >= 200) {
      assertThat(line)
          .startsWith("[")
          .contains("25/50 · 20 ok · 3 failed · 2 skipped")
          .doesNotContain("…");
    }
  }

  @Test
  void anUnchangedLineIsNotRedrawn() {
    StringWriter err = new StringWriter();
    BatchProgressBar bar =
        new BatchProgressBar(new LiveLine(new PrintWriter(err), () -> 80), () -> 80);
    BatchProgress p = new BatchProgress(2, 1, 0, 0, 1, 0, 0.4, null, null, null);
    bar.update(p);
    bar.update(p);
    bar.clear();
    assertThat(err.toString().split("\r", -1)).hasSize(3);
  }
}
