package prodbridge.runs;

import prodbridge.classify.ErrorType;

/**
 * One attempt of a run as the result lists it: its number (from 1), its error type (null when it
 * succeeded), the child's exit code, how long it ran in seconds, and what it cost (null when
 * nothing said).
 */
public record AttemptSummary(
    int attempt, ErrorType errorType, Integer exitCode, double duration, Double cost) {}
