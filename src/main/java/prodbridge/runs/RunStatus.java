package prodbridge.runs;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A finished run's status in its result. */
public enum RunStatus {
  SUCCESS,
  ERROR,
  CANCELLED;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
