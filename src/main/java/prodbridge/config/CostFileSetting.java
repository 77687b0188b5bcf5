package prodbridge.config;

/**
 * Where a pipeline keeps its cumulative cost: {@code path} (placeholders allowed, relative to the
 * child's working directory) and either the CSV column or the top-level JSON field that holds it.
 */
public record CostFileSetting(String path, String csvColumn, String jsonField) {
  public CostFileSetting {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("cost_file needs a path");
    }
    if ((csvColumn == null) == (jsonField == null)) {
      throw new IllegalArgumentException(
          "cost_file needs exactly one of csv_column and json_field");
    }
    if (!Placeholders.unknownIn(path).isEmpty()) {
      throw new IllegalArgumentException(
          "cost_file path: unknown placeholder {" + Placeholders.unknownIn(path).get(0) + "}");
    }
  }
}
