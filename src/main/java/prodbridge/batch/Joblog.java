package prodbridge.batch;

import java.time.Instant;
import java.util.Locale;
import prodbridge.classify.SignalName;

/**
 * A joblog line as GNU parallel writes it with {@code --joblog}: tab-separated Seq, Host, Starttime
 * (Unix seconds), JobRuntime (seconds), Send, Receive (bytes the job wrote), Exitval, Signal (a
 * number) and Command.
 */
final class Joblog {
  static final String HEADER =
      "Seq\tHost\tStarttime\tJobRuntime\tSend\tReceive\tExitval\tSignal\tCommand";

  private Joblog() {}

  static String line(JobRecord r, String commandLine) {
    Instant start = r.startedAt();
    int signal = r.signal() == null ? 0 : SignalName.number(r.signal()).orElse(0);
    return String.join(
        "\t",
        String.valueOf(r.seq()),
        r.host() == null ? ":" : r.host(),
        String.format(Locale.ROOT, "%d.%03d", start.getEpochSecond(), start.getNano() / 1_000_000),
        String.format(Locale.ROOT, "%.3f", r.runtimeSeconds()),
        "0",
        String.valueOf(r.outputBytes()),
        String.valueOf(r.exitCode() == null ? -1 : r.exitCode()),
        String.valueOf(signal),
        commandLine.replace('\t', ' ').replace('\n', ' '));
  }
}
