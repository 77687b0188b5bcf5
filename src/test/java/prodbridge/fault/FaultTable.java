package prodbridge.fault;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The trials' results per kind, as the Markdown table the README shows. */
final class FaultTable {
  private FaultTable() {}

  static String markdown(List<TrialResult> results, long seed) {
    Map<FaultKind, int[]> rows = new EnumMap<>(FaultKind.class);
    for (TrialResult r : results) {
      int[] row = rows.computeIfAbsent(r.kind(), k -> new int[5]);
      row[0]++;
      row[1] += r.passed() ? 1 : 0;
      row[2] += r.survivors();
      row[3] += r.lostResults();
      row[4] += r.stuckStates();
    }
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "fault injection: %d trials, seed %d%n%n| kind | trials | passed | survivors | lost results | stuck states |%n"
                    + "|---|---:|---:|---:|---:|---:|%n",
                results.size(),
                seed));
    rows.forEach(
        (kind, row) ->
            sb.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %d | %d | %d |%n",
                    kind.name().toLowerCase(Locale.ROOT),
                    row[0],
                    row[1],
                    row[2],
                    row[3],
                    row[4])));
    for (TrialResult r : results) {
      if (!r.passed()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "%nFAILED %s (trial seed %d): survivors %d, lost %d, stuck %d, %s",
                r.kind(),
                r.seed(),
                r.survivors(),
                r.lostResults(),
                r.stuckStates(),
                r.problem()));
      }
    }
    return sb.toString();
  }
}
