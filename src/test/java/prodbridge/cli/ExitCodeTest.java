package prodbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import prodbridge.classify.ErrorType;

/**
 * The exit codes: one number each, an error class's own code for it, and the README's table lists
 * exactly them.
 */
class ExitCodeTest {
  @Test
  void everyCodeIsItsOwnNumber() {
    assertThat(Arrays.stream(ExitCode.values()).map(ExitCode::code)).doesNotHaveDuplicates();
    assertThat(
            List.of(
                ExitCode.OK.code(),
                ExitCode.INTERNAL.code(),
                ExitCode.USAGE.code(),
                ExitCode.NOT_ALL_SUCCEEDED.code(),
                ExitCode.STORE.code()))
        .containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void anErrorClassExitsWithTheCodeItRecords() {
    for (ErrorType type : ErrorType.values()) {
      assertThat(ExitCode.of(type).name()).isEqualTo(type.name());
      assertThat(ExitCode.of(type).code()).isEqualTo(type.exitCode());
    }
  }

  @Test
  void theReadmeTableListsEveryCode() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String table = readme.substring(readme.indexOf("### Exit codes and error classes"));
    table = table.substring(0, table.indexOf("\n\n", table.indexOf("\n|")));
    Matcher row = Pattern.compile("(?m)^\\| (\\d+) \\|").matcher(table);
    List<Integer> documented = row.results().map(m -> Integer.parseInt(m.group(1))).toList();
    assertThat(documented)
        .containsExactlyElementsOf(
            Arrays.stream(ExitCode.values()).map(ExitCode::code).sorted().toList());
  }
}
