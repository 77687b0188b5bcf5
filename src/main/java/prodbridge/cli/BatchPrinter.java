package prodbridge.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import prodbridge.batch.BatchJob;
import prodbridge.batch.BatchPlan;
import prodbridge.batch.BatchSummary;
import prodbridge.batch.Executor;
import prodbridge.batch.JobRun;
import prodbridge.batch.SlurmBatch;
import prodbridge.report.BatchView;
import prodbridge.runs.ResultJson;

/** What the batch commands print on stdout: a plan or a summary, as JSON (under 8 KB) or text. */
final class BatchPrinter {
  private static final int MAX_JOBS_LISTED = 20;

  private BatchPrinter() {}

  static String summary(BatchSummary s, OutputFormat f) {
    return f == OutputFormat.JSON ? ResultJson.write(s) : fenced(BatchView.summary(s), f);
  }

  /** Markdown shows the text view as a code block: its columns and lines stay as they are. */
  private static String fenced(String text, OutputFormat f) {
    return f == OutputFormat.MARKDOWN ? "```\n" + text.replace("```", "` ` `") + "\n```" : text;
  }

  static String plan(BatchPlan p, OutputFormat f, Map<String, String> env) {
    List<String> argv =
        p.toRun().isEmpty()
            ? null
            : JobRun.plan(p.dir(), p.manifest(), p.toRun().get(0), null, env).argv();
    List<String> sbatch =
        Executor.SLURM.json().equals(p.manifest().executor()) ? SlurmBatch.preview(p) : null;
    if (f != OutputFormat.JSON) {
      return fenced(BatchView.plan(p, argv, sbatch), f);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dry_run", true);
    out.put("batch_dir", p.dir().path().toString());
    out.put("input", p.manifest().inputFile());
    out.put("executor", p.manifest().executor());
    out.put("parallel", p.manifest().parallel());
    out.put("jobs", p.manifest().jobs().size());
    out.put("to_run", p.toRun().size());
    out.put("already_done", p.alreadyDone());
    out.put("worst_case_cost", Math.round(p.worstCaseCost() * 10000) / 10000.0);
    out.put("total_budget", p.manifest().totalBudget());
    out.put("max_failures", p.manifest().maxFailures());
    List<Map<String, Object>> listed =
        p.toRun().stream().limit(MAX_JOBS_LISTED).map(BatchPrinter::job).toList();
    out.put("jobs_to_run", listed);
    out.put("jobs_omitted", p.toRun().size() - listed.size());
    out.put("first_job_argv", argv);
    out.put("sbatch", sbatch);
    return ResultJson.write(out);
  }

  private static Map<String, Object> job(BatchJob j) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", j.seq());
    m.put("job_id", j.jobId());
    m.put("line", j.line());
    m.put("command", j.command());
    m.put("episode_id", j.episodeId());
    m.put("budget", j.budget());
    m.put("topic", j.topic().length() > 80 ? j.topic().substring(0, 80) + "…" : j.topic());
    return m;
  }
}
