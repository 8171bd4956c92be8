package dev.imgdl.core.download;

import dev.imgdl.core.image.Dimensions;
import dev.imgdl.core.image.ImageFormat;
import dev.imgdl.core.input.ExpectedHash;
import dev.imgdl.core.result.Result;
import java.nio.file.Path;
import okhttp3.HttpUrl;
import okhttp3.Response;

/** The result of one attempt: a validated body in a temporary file, or a failure. */
sealed interface Outcome {

  /**
   * What a result reports about the last response of an attempt, taken from the response in one
   * place ({@link #of}) wherever an outcome is made, so that a new fact about it is added here.
   */
  record Reply(HttpUrl url, int httpStatus, String contentType) {
    static Reply of(Response response) {
      return new Reply(response.request().url(), response.code(),
          response.header("Content-Type"));
    }

    /**
     * Sets the facts on the result of the entry whose first request went to {@code asked}: the
     * URL only when redirects led elsewhere (the core sends no credentials in a URL).
     */
    Result.Builder describe(Result.Builder result, HttpUrl asked) {
      boolean redirected = !url.equals(asked.newBuilder().username("").password("").build());
      return result.httpStatus(httpStatus).contentType(contentType)
          .finalUrl(redirected ? url.toString() : null);
    }
  }

  /**
   * A complete, validated body.
   *
   * @param temp the temporary file holding it, or null for a check, which keeps no bytes
   * @param format detected image format, or null for a non-image accepted by --any-type
   * @param size the image's size as its header states it, or null
   * @param md5 the body's MD5 as lowercase hex, when the settings ask for it; else null
   */
  record Body(Path temp, long bytes, String sha256, Reply reply, ImageFormat format,
      Dimensions size, String md5) implements Outcome {

    /** The body's digest in {@code algorithm}, lowercase hex; null when it was not computed. */
    String digest(ExpectedHash.Algorithm algorithm) {
      return algorithm == ExpectedHash.Algorithm.MD5 ? md5 : sha256;
    }
  }

  /**
   * A failed attempt.
   *
   * @param reply the response that failed it, or null when there was none
   * @param retryAfterMillis what the server asked to wait, or -1
   */
  record Failure(String error, boolean retryable, Reply reply, long retryAfterMillis)
      implements Outcome {

    static Failure permanent(String error) {
      return new Failure(error, false, null, -1);
    }

    static Failure transientError(String error) {
      return new Failure(error, true, null, -1);
    }

    /** A failure that no retry would mend, for what {@code response} holds. */
    static Failure of(String error, Response response) {
      return new Failure(error, false, Reply.of(response), -1);
    }
  }
}
