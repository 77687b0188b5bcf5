package prodbridge.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import prodbridge.classify.Redactor;
import prodbridge.config.ConfigJson;
import prodbridge.runs.RunPlan;

/** A dry run: the resolved profile and the exact argv, as JSON or as lines a person can copy. */
public final class PlanView {
  private PlanView() {}

  public static String json(RunPlan plan) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("dry_run", true);
    v.putAll(plan.describe());
    v.put("profile", plan.profile());
    try {
      return ConfigJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(v);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String text(RunPlan plan) {
    return "dry run of "
        + plan.command()
        + " (profile "
        + plan.profile().name()
        + "): nothing launched\n"
        + "  argv       "
        + plan.argv().stream()
            .map(Redactor::redact)
            .map(PlanView::quoted)
            .collect(Collectors.joining(" "))
        + "\n"
        + "  directory  "
        + plan.workingDir()
        + "\n"
        + "  output     "
        + plan.outputDir()
        + "\n"
        + "  timeout    "
        + prodbridge.config.DurationText.format(plan.profile().timeout())
        + ", grace "
        + prodbridge.config.DurationText.format(plan.profile().grace())
        + "\n"
        + "  budget     "
        + ResultView.money(plan.profile().budget())
        + ", quality threshold "
        + plan.profile().qualityThreshold();
  }

  /** Shell-style quoting, for display only: nothing is ever run through a shell. */
  static String quoted(String arg) {
    if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_./:=@%+,-]+")) {
      return arg;
    }
    return "'" + arg.replace("'", "'\\''") + "'";
  }
}
