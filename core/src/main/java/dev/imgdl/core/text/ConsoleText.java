package dev.imgdl.core.text;

/**
 * Makes text from outside (a server's headers or status line, an input line, an exception's
 * message) fit for a console or log line: credentials hidden, then control characters escaped.
 * In that order, so that an escape cannot change what looks like a user name.
 */
public final class ConsoleText {
  private ConsoleText() {}

  /** {@code text} with the credentials of any URL in it hidden and control characters escaped. */
  public static String safe(String text) {
    return text == null ? "null" : ControlChars.escape(Credentials.redactWords(text));
  }

  /**
   * A line of another process's log made {@link #safe}, except for the tabs that start it: they
   * indent a stack frame, and cannot move anything but the line itself once a prefix is before
   * them.
   */
  public static String safeIndented(String line) {
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == '\t') {
      indent++;
    }
    return line.substring(0, indent) + safe(line.substring(indent));
  }
}
