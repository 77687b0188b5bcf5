package prodbridge.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slurm's commands are bounded as a whole: a hung {@code squeue} (output and wait) cannot hang the
 * coordinator.
 */
class SlurmCliTest {
  @TempDir Path dir;
  private Optional<ProcessHandle> sleeper = Optional.empty();

  @AfterEach
  void endTheSleeper() {
    sleeper.ifPresent(ProcessHandle::destroyForcibly);
  }

  private Path script(String name, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/bash\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  @Test
  void aCommandThatAnswersGivesItsExitCodeAndBothOutputs() throws Exception {
    Path squeue = script("squeue", "echo '123_0 R'; echo 'a warning' >&2; exit 3");
    SlurmCli.Reply reply = new SlurmCli(Duration.ofSeconds(20)).run(squeue.toString(), "-h");
    assertThat(reply).isEqualTo(new SlurmCli.Reply(3, "123_0 R", "a warning"));
  }

  @Test
  void aHungCommandHoldingItsOutputOpenIsEndedWithItsTreeAtThePatienceAndReportedClearly()
      throws Exception {
    Path pidFile = dir.resolve("sleeper.pid");
    Path squeue =
        script(
            "squeue",
            "echo 'partial'; sleep 300 & echo $! > "
                + pidFile
                + ".tmp; mv "
                + pidFile
                + ".tmp "
                + pidFile
                + "; wait");
    long start = System.nanoTime();
    CompletableFuture<SlurmCli.Reply> call =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new SlurmCli(Duration.ofMillis(1500)).run(squeue.toString(), "-h");
              } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
              }
            });
    while (!Files.exists(pidFile) && !call.isDone()) {
      Thread.sleep(20);
    }
    sleeper = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()));
    assertThat(sleeper).as("the hung command's child, seen while it runs").isPresent();
    assertThatThrownBy(() -> call.get(20, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IOException.class)
        .cause()
        .hasMessage(squeue + " did not answer in 1500 ms; it was ended (2 processes)");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("the whole call, output included, is bounded")
        .isLessThan(Duration.ofSeconds(8));
    assertThat(sleeper.get().onExit().orTimeout(5, TimeUnit.SECONDS).join().isAlive())
        .as("the hung command's child is ended too")
        .isFalse();
  }
}
