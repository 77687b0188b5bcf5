package prodbridge.runs;

/** One file a run produced: absolute path and size in bytes. */
public record OutputFile(String path, long bytes) {}
