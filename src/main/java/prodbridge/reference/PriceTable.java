package prodbridge.reference;

/**
 * What the reference pipeline charges itself, per unit, in USD. Modelled on typical provider list
 * prices so a full episode costs about two dollars; documented in the README. Tokens are estimated
 * as characters / 4.
 */
enum PriceTable {
  WEB_SEARCH("query", 0.005),
  LLM_INPUT("token", 3.00 / 1_000_000),
  LLM_OUTPUT("token", 15.00 / 1_000_000),
  TTS("character", 0.05 / 1_000);

  final String unit;
  final double usdPerUnit;

  PriceTable(String unit, double usdPerUnit) {
    this.unit = unit;
    this.usdPerUnit = usdPerUnit;
  }

  static long tokens(long characters) {
    return Math.max(1, characters / 4);
  }
}
