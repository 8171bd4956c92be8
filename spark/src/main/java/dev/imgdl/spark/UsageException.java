package dev.imgdl.spark;

/** A bad option or input the user can fix: one line, exit 2, no stack trace. */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message, null, false, false);
  }
}
