package prodbridge.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import prodbridge.classify.Classification;
import prodbridge.classify.Redactor;
import prodbridge.runs.ResultJson;

/**
 * What {@code classify} says about a saved failure: the class, the exit code a run would end with,
 * the rule that decided, the line it matched and the hint; keys and tokens redacted like everything
 * the bridge writes. An empty classification is a success (exit 0 with nothing failing).
 */
public final class ClassificationView {
  private ClassificationView() {}

  public static String json(Optional<Classification> c) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("status", c.isEmpty() ? "success" : "error");
    v.put("error_type", c.map(x -> x.type().name()).orElse(null));
    v.put("exit_code", c.map(x -> x.type().exitCode()).orElse(0));
    v.put("retried_by_default", c.map(x -> x.type().retryableByDefault()).orElse(false));
    v.put("rule", c.map(Classification::rule).orElse(null));
    v.put("evidence", c.map(x -> redacted(x.evidence())).orElse(null));
    v.put("hint", c.map(x -> redacted(x.hint())).orElse(null));
    return ResultJson.write(v);
  }

  public static String text(Optional<Classification> c) {
    if (c.isEmpty()) {
      return "success: the run exited 0 and nothing says it failed";
    }
    Classification x = c.get();
    return "class     "
        + x.type().name()
        + " (exit "
        + x.type().exitCode()
        + ", "
        + (x.type().retryableByDefault() ? "retried by default" : "not retried")
        + ")\n"
        + "rule      "
        + x.rule()
        + "\n"
        + "line      "
        + (x.evidence() == null ? "(none: decided by the exit alone)" : redacted(x.evidence()))
        + "\n"
        + "hint      "
        + redacted(x.hint());
  }

  private static String redacted(String s) {
    return s == null ? null : Redactor.redact(s);
  }
}
