package prodbridge.runs;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A finished run's status in its result. */
public enum RunStatus {
  SUCCESS,
  ERROR,
  CANCELLED,
  /**
   * The supervisor died without a result (killed, out of memory); what was left of the tree was
   * ended.
   */
  LOST;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
