package prodbridge.mcp;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.Map;
import prodbridge.runs.ResultJson;

/**
 * A tool's answer: JSON text for a result, or a tool error carrying an error type, message and
 * hint.
 */
final class ToolReply {
  private ToolReply() {}

  static CallToolResult json(Object value) {
    return CallToolResult.builder().addTextContent(ResultJson.write(value)).isError(false).build();
  }

  static CallToolResult error(String errorType, String message, String hint) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("status", "error");
    e.put("error_type", errorType);
    e.put("error_message", message);
    e.put("hint", hint);
    return CallToolResult.builder().addTextContent(ResultJson.write(e)).isError(true).build();
  }
}
