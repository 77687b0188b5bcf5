package prodbridge.batch;

import java.util.Map;

/**
 * The answer to "may this job start now?": start, wait (and for what, with the figures that decided
 * it), or never (with the reason the job is recorded SKIPPED under).
 */
record Admission(Verdict verdict, String reason, Map<String, Object> figures) {
  enum Verdict {
    START,
    WAIT,
    NEVER
  }

  static final Admission START = new Admission(Verdict.START, null, Map.of());

  static Admission waitFor(String what, Map<String, Object> figures) {
    return new Admission(Verdict.WAIT, what, figures);
  }

  static Admission never(String why) {
    return new Admission(Verdict.NEVER, why, Map.of());
  }
}
