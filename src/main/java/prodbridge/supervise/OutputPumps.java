package prodbridge.supervise;

import java.io.InputStream;
import java.io.OutputStream;
import org.zeroturnaround.exec.stream.PumpStreamHandler;
import org.zeroturnaround.exec.stream.StreamPumper;

/**
 * zt-exec's pump threads with 64 KB reads (a whole pipe's worth) instead of 1 KB, so a flooding
 * child costs the bridge one read and one write per 64 KB. The sinks never throw, so a pump drains
 * its pipe to the end whatever happens to the log file, and the child never blocks on the bridge.
 */
final class OutputPumps extends PumpStreamHandler {
  static final int CHUNK_BYTES = 64 * 1024;

  OutputPumps(OutputStream out, OutputStream err, InputStream in) {
    super(out, err, in);
  }

  @Override
  protected Thread createPump(
      InputStream is, OutputStream os, boolean closeWhenExhausted, boolean flushImmediately) {
    return newThread(
        wrapTask(new StreamPumper(is, os, closeWhenExhausted, CHUNK_BYTES, flushImmediately)));
  }
}
