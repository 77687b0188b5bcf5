package prodbridge.batch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How one job of a batch ended: a run's status, or SKIPPED when the batch decided not to start it.
 */
public enum JobStatus {
  SUCCESS,
  ERROR,
  CANCELLED,
  LOST,
  SKIPPED;

  /**
   * ERROR and LOST count against {@code --max-failures} and are run again only with {@code
   * --retry-failed}.
   */
  public boolean failed() {
    return this == ERROR || this == LOST;
  }

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static JobStatus of(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
