package dev.imgdl.cli;

/** A problem with how imgdl was called: it exits 2 with this one-line message. */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message, null, false, false);
  }
}
