package prodbridge.batch;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a batch's jobs run: on this machine, or as one Slurm job array. */
public enum Executor {
  LOCAL,
  SLURM;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
