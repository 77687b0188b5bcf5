package prodbridge.config;

import java.time.Duration;

/** How often a failed run may be tried again and how long to wait in between (acted on with classification). */
public record RetryPolicy(Integer maxAttempts, Duration interval) {}
