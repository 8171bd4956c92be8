package dev.imgdl.text;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A stack trace laid out as {@link Throwable#printStackTrace} does, but with every message made
 * {@link ConsoleText#safe}: an exception's message can quote a server (a status line, a
 * certificate's name) or an input line, and must not forge a line on the console.
 */
public final class ThrowableText {
  private ThrowableText() {}

  /** The stack trace of {@code t}, causes and suppressed exceptions included; ends in a newline. */
  public static String of(Throwable t) {
    StringBuilder out = new StringBuilder(1024);
    append(out, t, "", "", new StackTraceElement[0],
        Collections.newSetFromMap(new IdentityHashMap<>()));
    return out.toString();
  }

  private static void append(StringBuilder out, Throwable t, String caption, String indent,
      StackTraceElement[] enclosing, Set<Throwable> seen) {
    if (!seen.add(t)) {
      out.append(indent).append(caption).append("[CIRCULAR REFERENCE: ").append(firstLine(t))
          .append("]\n");
      return;
    }
    out.append(indent).append(caption).append(firstLine(t)).append('\n');
    StackTraceElement[] frames = t.getStackTrace();
    int common = 0;
    while (common < frames.length && common < enclosing.length
        && frames[frames.length - 1 - common].equals(enclosing[enclosing.length - 1 - common])) {
      common++;
    }
    for (int i = 0; i < frames.length - common; i++) {
      out.append(indent).append("\tat ").append(ConsoleText.safe(frames[i].toString()))
          .append('\n');
    }
    if (common > 0) {
      out.append(indent).append("\t... ").append(common).append(" more\n");
    }
    for (Throwable suppressed : t.getSuppressed()) {
      append(out, suppressed, "Suppressed: ", indent + "\t", frames, seen);
    }
    if (t.getCause() != null) {
      append(out, t.getCause(), "Caused by: ", indent, frames, seen);
    }
  }

  private static String firstLine(Throwable t) {
    String message = t.getLocalizedMessage();
    return t.getClass().getName() + (message == null ? "" : ": " + ConsoleText.safe(message));
  }
}
