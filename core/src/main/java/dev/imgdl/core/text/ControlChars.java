package dev.imgdl.core.text;

/**
 * Escapes the characters that a terminal acts on instead of showing, so that text from a server
 * or an input line cannot retitle the terminal, move the cursor or forge a line: every C0 control
 * ({@code \n}, {@code \r}, {@code \t}, others as {@code \x1b}), DEL ({@code \x7f}), every C1
 * control ({@code \u009b}), the Unicode line and paragraph separators and the bidirectional
 * overrides and isolates ({@code \u202e}), which make a line read as something else. Tabs are
 * escaped too: a console line is ours to lay out. The backslash itself is not escaped, so that
 * escaping twice changes nothing; a literal {@code \x1b} in the text reads the same as an escaped
 * ESC, which is harmless.
 */
public final class ControlChars {
  private ControlChars() {}

  /** {@code text} with every control character escaped; {@code text} itself when it has none. */
  public static String escape(String text) {
    int first = 0;
    while (first < text.length() && !isControl(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isControl(c)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x80) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.toString();
  }

  static boolean isControl(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == 0x2028
        || c == 0x2029
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }
}
