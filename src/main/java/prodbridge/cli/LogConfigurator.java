package prodbridge.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Logging goes to stderr only, configured in code (faster than XML, and logback's own default
 * writes to stdout). Level: $PROD_BRIDGE_LOG (error, warn, info, debug; default warn). A log line
 * steps around the live progress line ({@link LiveLine#aside}) instead of being glued onto it.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
  @Override
  public ExecutionStatus configure(LoggerContext ctx) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(ctx);
    encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
    encoder.start();
    OutputStreamAppender<ILoggingEvent> stderr = new OutputStreamAppender<>();
    stderr.setContext(ctx);
    stderr.setName("stderr");
    stderr.setEncoder(encoder);
    stderr.setOutputStream(new AsideOfLiveLine(System.err));
    stderr.start();
    ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(stderr);
    root.setLevel(Level.toLevel(System.getenv("PROD_BRIDGE_LOG"), Level.WARN));
    ctx.getLogger("org.zeroturnaround").setLevel(Level.WARN);
    ctx.getLogger("oshi").setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** stderr, each write made with the live line out of the way. */
  private static final class AsideOfLiveLine extends FilterOutputStream {
    AsideOfLiveLine(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      LiveLine.aside(
          () -> {
            try {
              out.write(b, off, len);
              out.flush();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
