package prodbridge.batch;

/**
 * The total budget's rule: a job starts only if what was spent, plus the budgets of the runs still going, plus its
 * own budget stay within the total. A job that could not start even with nothing in flight never will.
 */
record BudgetGate(Double total) {
  private static final double CENT_FRACTION = 1e-9;

  enum Verdict { START, WAIT, NEVER }

  Verdict judge(double spent, double inFlight, double own) {
    if (total == null) {
      return Verdict.START;
    }
    if (spent + own > total + CENT_FRACTION) {
      return Verdict.NEVER;
    }
    return spent + inFlight + own > total + CENT_FRACTION ? Verdict.WAIT : Verdict.START;
  }

  String whyNever(double spent, double own) {
    return String.format(java.util.Locale.ROOT, "total budget: $%.2f spent + this job's $%.2f would pass $%.2f",
        spent, own, total);
  }
}
