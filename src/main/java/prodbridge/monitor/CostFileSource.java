package prodbridge.monitor;

import java.util.OptionalDouble;

/**
 * The pipeline's cost file ({@link CostFile}), read whole at each poll; a missing or half-written
 * one says nothing.
 */
final class CostFileSource implements CostSource {
  private final CostFile file;
  private final String name;

  CostFileSource(CostFile file) {
    this.file = file;
    this.name = "cost file " + file.path().getFileName();
  }

  @Override
  public void poll(Readings to) {
    OptionalDouble usd = file.read();
    if (usd.isPresent()) {
      to.cost(usd.getAsDouble(), name);
    }
  }
}
