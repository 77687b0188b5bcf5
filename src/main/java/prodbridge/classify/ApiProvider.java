package prodbridge.classify;

import java.util.regex.Pattern;

/**
 * A provider a failure may come from, recognised by {@code pattern} anywhere in the failure's text,
 * so a hint can name the variable that holds its key ({@code apiKey}) and the account to top up
 * ({@code name}).
 */
public record ApiProvider(String name, Pattern pattern, String apiKey) {}
