package prodbridge.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One self-contained HTML page: its style and script are inlined from the jar, its charts are
 * inline SVG, and it refers to nothing outside itself (no link, image, font or script to fetch), so
 * it opens the same offline.
 */
final class HtmlPage {
  private final StringBuilder body = new StringBuilder(1 << 16);
  private final String title;

  HtmlPage(String title) {
    this.title = title;
  }

  HtmlPage raw(String html) {
    body.append(html);
    return this;
  }

  HtmlPage text(String text) {
    body.append(escape(text));
    return this;
  }

  /** A heading, a figure holding {@code svg}, and a caption under it. */
  HtmlPage figure(String id, String heading, String svg, String caption) {
    raw("<h2>").text(heading).raw("</h2>\n<figure id=\"").raw(id).raw("\">").raw(svg);
    if (caption != null) {
      raw("<figcaption class=\"note\">").text(caption).raw("</figcaption>");
    }
    return raw("</figure>\n");
  }

  HtmlPage tile(String cssClass, String id, String value, String label) {
    return raw("<div class=\"tile ")
        .raw(cssClass)
        .raw("\"><b id=\"")
        .raw(id)
        .raw("\">")
        .text(value)
        .raw("</b>")
        .text(label)
        .raw("</div>");
  }

  /**
   * A table cell; {@code sortValue} (may be null) is what the table sorts by instead of the text.
   */
  HtmlPage cell(String cssClass, String text, Object sortValue) {
    raw("<td");
    if (cssClass != null) {
      raw(" class=\"").raw(cssClass).raw("\"");
    }
    if (sortValue != null) {
      raw(" data-v=\"").text(String.valueOf(sortValue)).raw("\"");
    }
    return raw(">").text(text == null ? "" : text).raw("</td>");
  }

  String html() {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>"
        + escape(title)
        + "</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>\n"
        + resource("report.css")
        + "</style></head>\n<body>\n"
        + body
        + "<script>\n"
        + resource("report.js")
        + "</script>\n</body></html>\n";
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  static String money(Double usd) {
    return usd == null ? "" : String.format(Locale.ROOT, "$%.2f", usd);
  }

  private static String resource(String name) {
    try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing resource " + name + " beside " + HtmlPage.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
