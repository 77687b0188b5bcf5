package prodbridge.cli;

/**
 * How a result is printed on stdout: JSON for programs, Markdown for Claude Code, text for people.
 */
enum OutputFormat {
  JSON,
  MARKDOWN,
  TEXT
}
