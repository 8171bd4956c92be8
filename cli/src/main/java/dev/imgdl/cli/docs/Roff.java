package dev.imgdl.cli.docs;

/**
 * Text for a roff (man) page: everything that roff would read as an escape or a request is
 * escaped, so that an option's description is printed as written, whatever it holds.
 */
final class Roff {
  private Roff() {}

  /**
   * {@code text} escaped for use inside a line: a backslash as {@code \e}; a hyphen as {@code
   * \-}, the ASCII minus that option names need to be copied from a terminal; quotes, accents,
   * tilde and caret as the named glyphs that keep them ASCII; other non-ASCII characters by
   * their code point; control characters (none belongs in a page) dropped.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> {
      switch (c) {
        case '\\' -> out.append("\\e");
        case '-' -> out.append("\\-");
        case '\'' -> out.append("\\(aq");
        case '"' -> out.append("\\(dq");
        case '`' -> out.append("\\(ga");
        case '~' -> out.append("\\(ti");
        case '^' -> out.append("\\(ha");
        default -> {
          if (c > 126) {
            out.append(String.format("\\[u%04X]", c));
          } else if (c >= ' ') {
            out.append((char) c);
          }
        }
      }
    });
    return out.toString();
  }

  /**
   * {@code text} as lines of running text: escaped, each line trimmed (a leading space would
   * break the filled line), blank ones left out, and kept from being read as a request ({@code
   * .} at its start; a quote is already escaped).
   */
  static String text(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.strip().split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      String escaped = escape(line.strip());
      out.append(escaped.startsWith(".") ? "\\&" : "").append(escaped).append('\n');
    }
    return out.toString();
  }

  /** {@code text} as lines of a no-fill block ({@code .nf}): escaped, spaces kept. */
  static String lines(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\\R")) {
      out.append("\\&").append(escape(line)).append('\n');
    }
    return out.toString();
  }

  static String bold(String text) {
    return "\\fB" + escape(text) + "\\fR";
  }

  static String italic(String text) {
    return "\\fI" + escape(text) + "\\fR";
  }
}
