package prodbridge.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file system a disk-full hint names, measured with statvfs on a real directory. */
class DiskSpaceTest {
  @TempDir Path dir;

  @Test
  void measuresTheFileSystemOfAPathOrOfItsDirectoryWhenTheFileIsGone() throws Exception {
    DiskSpace existing = DiskSpace.of(dir).orElseThrow();
    DiskSpace missingFile = DiskSpace.of(dir.resolve("seg_012.mp3")).orElseThrow();

    assertThat(existing.totalBytes()).isPositive();
    assertThat(existing.usableBytes()).isBetween(0L, existing.totalBytes());
    assertThat(missingFile.store()).isEqualTo(existing.store());
    assertThat(missingFile.describe())
        .startsWith("The file system holding " + dir.resolve("seg_012.mp3") + " (mounted at ")
        .endsWith(" now");
    assertThat(Files.getFileStore(dir).type()).isNotBlank();
  }

  @Test
  void measuresNothingWhereNeitherThePathNorItsDirectoryExists() {
    assertThat(DiskSpace.of(dir.resolve("gone/deeper/x.wav"))).isEmpty();
    assertThat(DiskSpace.of(null)).isEmpty();
  }

  @Test
  void theBridgesOwnFailedWriteIsDiskFullWithTheFileSystemInItsHint() {
    Classification c =
        new Classifier(ErrorRules.NONE)
            .diskFull(dir.resolve("stdout.log"), "No space left on device");

    assertThat(c.type()).isEqualTo(ErrorType.DISK_FULL);
    assertThat(c.observedByBridge()).isTrue();
    assertThat(c.hint())
        .contains("The file system holding " + dir.resolve("stdout.log"))
        .contains(" free of ");
  }

  @Test
  void sizesReadAsPeopleWriteThem() {
    assertThat(DiskSpace.bytes(0)).isEqualTo("0 B");
    assertThat(DiskSpace.bytes(1536)).isEqualTo("1.5 KB");
    assertThat(DiskSpace.bytes(72L * 1024 * 1024 * 1024)).isEqualTo("72.0 GB");
    assertThat(new Classifier(ErrorRules.NONE, p -> Optional.empty()).diskFull(dir, "x").hint())
        .startsWith("A write failed for lack of space. A file system the run writes to is full");
  }
}
