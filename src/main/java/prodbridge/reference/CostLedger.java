package prodbridge.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The cumulative cost of one invocation. Every charge is appended to {@code costs.csv} (column
 * {@code cumulative_cost}, like the real pipeline's {@code logs/costs.csv}); crossing the budget
 * stops the run.
 */
final class CostLedger {
  private final double budget;
  private final double priceFactor;
  private final Path csv;
  private final Map<String, Double> byStage = new LinkedHashMap<>();
  private double total;

  CostLedger(double budget, double priceFactor, Path csv) {
    this.budget = budget;
    this.priceFactor = priceFactor;
    this.csv = csv;
    if (!Files.exists(csv)) {
      append("timestamp,stage,operation,units,cost,cumulative_cost\n");
    }
  }

  /** Charges {@code units} of {@code price} to {@code stage}; throws when the budget is crossed. */
  void charge(String stage, PriceTable price, long units) {
    double cost = units * price.usdPerUnit * priceFactor;
    total += cost;
    byStage.merge(stage, cost, Double::sum);
    append(
        String.format(
            Locale.ROOT,
            "%s,%s,%s,%d,%.6f,%.6f%n",
            Instant.now(),
            stage,
            price.name().toLowerCase(Locale.ROOT),
            units,
            cost,
            total));
    if (total > budget) {
      throw new BudgetExceeded(
          String.format(
              Locale.ROOT,
              "Budget exceeded: used $%.2f of $%.2f budget during %s",
              total,
              budget,
              stage));
    }
  }

  double total() {
    return total;
  }

  double roundedTotal() {
    return Math.round(total * 10_000) / 10_000.0;
  }

  double budget() {
    return budget;
  }

  Map<String, Double> byStage() {
    return byStage;
  }

  private void append(String line) {
    try {
      Files.writeString(
          csv, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The run stopped itself because it would have spent more than its budget. */
  static final class BudgetExceeded extends RuntimeException {
    BudgetExceeded(String message) {
      super(message);
    }
  }
}
