package dev.imgdl.download;

import java.nio.file.Path;

/** The result of one attempt: a validated body in a temporary file, or a failure. */
sealed interface Outcome {

  /**
   * A complete, validated body.
   *
   * @param format detected image format, or null for a non-image accepted by --any-type
   */
  record Body(
      Path temp, long bytes, String sha256, String contentType, int httpStatus, ImageFormat format)
      implements Outcome {}

  /**
   * A failed attempt.
   *
   * @param retryAfterMillis what the server asked to wait, or -1
   */
  record Failure(
      String error,
      boolean retryable,
      Integer httpStatus,
      String contentType,
      long retryAfterMillis)
      implements Outcome {

    static Failure permanent(String error) {
      return new Failure(error, false, null, null, -1);
    }

    static Failure transientError(String error) {
      return new Failure(error, true, null, null, -1);
    }
  }
}
