package dev.imgdl.core.source;

/** An input that cannot be read: a missing or unreadable file, or bytes that are not UTF-8. */
public final class InputException extends RuntimeException {
  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
