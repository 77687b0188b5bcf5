package prodbridge.monitor;

import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * Progress events among the lines the child prints on stdout, handed on as the supervisor's pump
 * reads them; read back from the end of {@code stdoutLog} for a run nobody watched to its end.
 */
final class StdoutEvents implements CostSource {
  private final Path stdoutLog;

  /** {@code stdoutLog} may be null: then nothing is read back. */
  StdoutEvents(Path stdoutLog) {
    this.stdoutLog = stdoutLog;
  }

  /** A line of stdout (without its newline); one that is not an event is ignored. */
  @Override
  public void stdoutLine(String line, Readings to) {
    ChildEvent.parse(line).ifPresent(to::event);
  }

  @Override
  public OptionalDouble readBack() {
    return FileTail.highestEventCost(stdoutLog);
  }
}
