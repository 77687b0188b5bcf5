package prodbridge.monitor;

/**
 * Progress events among the lines the child prints on stdout, handed on as the supervisor's pump
 * reads them.
 */
final class StdoutEvents implements CostSource {
  private final Readings to;

  StdoutEvents(Readings to) {
    this.to = to;
  }

  /** A line of stdout (without its newline); one that is not an event is ignored. */
  void line(String line) {
    ChildEvent.parse(line).ifPresent(to::event);
  }

  /** Nothing to poll: lines arrive through {@link #line}. */
  @Override
  public void poll(Readings ignored) {}
}
