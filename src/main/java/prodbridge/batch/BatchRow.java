package prodbridge.batch;

/**
 * One job as the batch file states it: the line it starts on, its topic, and the optional columns
 * (null when not given): episode id, command word, budget in USD and quality threshold.
 */
public record BatchRow(
    int line,
    String topic,
    String episodeId,
    String command,
    Double budget,
    Double qualityThreshold) {}
