package dev.imgdl.core.text;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An exception as text for the console: in words for a user ({@link #reason}), or as a stack
 * trace laid out as {@link Throwable#printStackTrace} does but with every message made
 * {@link ConsoleText#safe}: an exception's message can quote a server (a status line, a
 * certificate's name) or an input line, and must not forge a line on the console.
 */
public final class ThrowableText {
  /**
   * A Java exception's class name inside a message, as libraries quote their causes ("failed on
   * connection exception: java.net.ConnectException: Connection refused", Hadoop's words).
   */
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error): ?");

  private ThrowableText() {}

  /**
   * What went wrong, in words, for a line that already names what was being done ("cannot write
   * r.json: Permission denied"): for a file-system error the system's reason, without the file
   * names Java adds to it; never a Java class name. Not console-safe: the caller makes the whole
   * line so.
   */
  public static String reason(Throwable t) {
    if (t instanceof UncheckedIOException && t.getCause() != null) {
      return reason(t.getCause());
    }
    // The subclasses carry no reason of their own: the system's words for what each stands for.
    if (t instanceof NoSuchFileException) {
      return "No such file or directory";
    }
    if (t instanceof AccessDeniedException) {
      return "Permission denied";
    }
    if (t instanceof FileAlreadyExistsException) {
      return "File exists";
    }
    if (t instanceof NotDirectoryException) {
      return "Not a directory";
    }
    if (t instanceof DirectoryNotEmptyException) {
      return "Directory not empty";
    }
    if (t instanceof FileSystemLoopException) {
      return "Too many levels of symbolic links";
    }
    if (t instanceof FileSystemException f) {
      return f.getReason() != null ? f.getReason() : "Input/output error";
    }
    String message = t.getMessage();
    // new IOException(cause) takes the cause's toString(), class name and all.
    if (t.getCause() != null && (message == null || message.equals(t.getCause().toString()))) {
      return reason(t.getCause());
    }
    if (message != null && !message.isBlank()) {
      return withoutClassNames(message);
    }
    if (t instanceof EOFException) {
      return "unexpected end of file";
    }
    return t instanceof IOException ? "Input/output error" : "unexpected error";
  }

  /** {@code message} without the Java class names a library put in it (its words stay). */
  private static String withoutClassNames(String message) {
    String words = CLASS_NAME.matcher(message).replaceAll("");
    return words.isBlank() ? message : words;
  }

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
