package prodbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileSettingsTest {
  @Test
  void aBuilderSetsOnlyWhatItIsTold() {
    ProfileSettings s =
        ProfileSettings.builder().budget(new Budget(3)).timeout(Duration.ofMinutes(5)).build();
    assertThat(s.budget()).isEqualTo(new Budget(3));
    assertThat(s.timeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.overriddenBy(ProfileSettings.NONE)).isEqualTo(s);
    assertThat(ProfileSettings.NONE.overriddenBy(s)).isEqualTo(s);
    assertThat(s.qualityThreshold()).isNull();
    assertThat(s.argv()).isNull();
    assertThat(ProfileSettings.builder().build()).isEqualTo(ProfileSettings.NONE);
  }

  @Test
  void aLayerOnTopWinsOnlyWhereItSetsAValue() {
    ProfileSettings base =
        ProfileSettings.builder()
            .description("base")
            .argv(List.of("python", "main.py"))
            .budget(new Budget(5))
            .qualityThreshold(new QualityThreshold(8))
            .build();
    ProfileSettings over =
        ProfileSettings.builder().budget(new Budget(2)).description("over").build();
    ProfileSettings merged = base.overriddenBy(over);
    assertThat(merged.description()).isEqualTo("over");
    assertThat(merged.budget()).isEqualTo(new Budget(2));
    assertThat(merged.qualityThreshold()).isEqualTo(new QualityThreshold(8));
    assertThat(merged.argv()).containsExactly("python", "main.py");
  }

  @Test
  void theCommandLineLayerCarriesOnlyTheFlagsGiven() {
    ProfileSettings flags =
        ProfileSettings.builder()
            .grace(Duration.ofSeconds(3))
            .budget(new Budget(4))
            .qualityThreshold(new QualityThreshold(9))
            .monitorInterval(new MonitorInterval(Duration.ofMillis(250)))
            .retry(RetrySettings.commandLine(2, null))
            .build();
    assertThat(flags.grace()).isEqualTo(Duration.ofSeconds(3));
    assertThat(flags.budget()).isEqualTo(new Budget(4));
    assertThat(flags.qualityThreshold()).isEqualTo(new QualityThreshold(9));
    assertThat(flags.monitorInterval()).isEqualTo(new MonitorInterval(Duration.ofMillis(250)));
    assertThat(flags.retry().maxAttempts()).isEqualTo(2);
    assertThat(flags.timeout()).isNull();
  }

  @Test
  void aRelativeWorkingDirectoryIsMadeAbsoluteAgainstItsFile() {
    ProfileSettings s = ProfileSettings.builder().workingDir("work").budget(new Budget(1)).build();
    ProfileSettings moved = s.relativeTo(Path.of("/etc/bridge"));
    assertThat(moved.workingDir()).isEqualTo("/etc/bridge/work");
    assertThat(moved.budget()).isEqualTo(new Budget(1));
    assertThat(
            ProfileSettings.builder()
                .workingDir("/abs")
                .build()
                .relativeTo(Path.of("/x"))
                .workingDir())
        .isEqualTo("/abs");
  }
}
