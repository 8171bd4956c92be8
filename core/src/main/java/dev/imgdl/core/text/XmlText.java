package dev.imgdl.core.text;

/**
 * Makes text from outside (a URL, an input line, a server's words) fit for an XML 1.0 document,
 * which cannot carry most control characters even as character references: each is made visible
 * as the console shows it ({@link ControlChars}: {@code \x1b}, {@code \n}), and so are the
 * non-characters U+FFFE and U+FFFF and a surrogate that is not half of a pair ({@code \ud800}),
 * which XML forbids too. The XML writer still escapes {@code < > & "}; this only decides which
 * characters may reach it. Escaping twice changes nothing, as on the console.
 */
public final class XmlText {
  private XmlText() {}

  /** {@code text} with what XML 1.0 forbids, and what the console escapes, made visible. */
  public static String safe(String text) {
    String shown = ControlChars.escape(text);
    StringBuilder out = null;
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < shown.length()
          && Character.isLowSurrogate(shown.charAt(i + 1));
      if (paired) {
        if (out != null) {
          out.append(c).append(shown.charAt(i + 1));
        }
        i++;
        continue;
      }
      boolean forbidden = Character.isSurrogate(c) || c == 0xfffe || c == 0xffff;
      if (forbidden && out == null) {
        out = new StringBuilder(shown.length() + 16).append(shown, 0, i);
      }
      if (forbidden) {
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? shown : out.toString();
  }
}
