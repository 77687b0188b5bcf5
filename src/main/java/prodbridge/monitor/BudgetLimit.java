package prodbridge.monitor;

import java.util.Locale;
import prodbridge.supervise.StopReason;

/** The cumulative cost must stay at or under {@code usd}; checked the moment a cost is read. */
record BudgetLimit(double usd) implements Limit {
  @Override
  public Violation onCost(Gauges now) {
    Double cost = now.cost();
    return cost == null || cost <= usd
        ? null
        : new Violation(
            StopReason.BUDGET_EXCEEDED,
            String.format(
                Locale.ROOT,
                "cost reached $%.2f, over the $%.2f budget (from %s)",
                cost,
                usd,
                now.costSource()));
  }
}
