package dev.imgdl.core.image.transform;

import dev.imgdl.core.text.ControlChars;
import dev.imgdl.core.text.ThrowableText;

/**
 * An image that could not be decoded, with its one-line reason for the report: {@code cannot
 * decode jpg: <reason>}, never a Java class name, control characters escaped (a library's
 * message can quote the file).
 */
final class DecodeFailure extends Exception {
  private static final int MAX_REASON = 120;

  DecodeFailure(String message) {
    super(message, null, false, false);
  }

  static DecodeFailure of(String extension, Throwable cause) {
    String reason = ThrowableText.reason(cause).strip();
    int newline = reason.indexOf('\n');
    if (newline >= 0) {
      reason = reason.substring(0, newline).strip();
    }
    if (reason.length() > MAX_REASON) {
      reason = reason.substring(0, MAX_REASON) + "...";
    }
    return new DecodeFailure("cannot decode " + extension + ": " + ControlChars.escape(reason));
  }
}
