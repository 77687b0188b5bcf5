package prodbridge.monitor;

import prodbridge.supervise.StopReason;

/**
 * A limit the run crossed while it was alive: the stop it calls for, with the figures that prove
 * it.
 */
public record Violation(StopReason reason, String message) {}
