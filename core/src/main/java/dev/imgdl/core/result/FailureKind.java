package dev.imgdl.core.result;

import java.util.List;
import java.util.Locale;

/**
 * Why an entry failed, as one word of a small fixed vocabulary: the JUnit report's failure
 * {@code type}, and what statistics count failures by. Derived here and only here from a
 * result's error, so that every front end and every count use the same words; an error the core
 * does not write (a newer imgdl's, a bug's) is {@link #ERROR}. The error is matched by how it
 * starts, so a retry's suffix ({@code after 4 attempts}) or a deadline's cause in brackets does
 * not change the kind.
 */
public enum FailureKind {
  HTTP,
  TIMEOUT,
  DEADLINE,
  CONNECTION,
  TLS,
  NOT_AN_IMAGE,
  TOO_LARGE,
  OPTED_OUT,
  /** The body is not the one the table's hash names ({@code --verify-hash}). */
  HASH_MISMATCH,
  /**
   * The image's size, as its header states it, is outside {@code --min-image-size}, {@code
   * --max-image-area} or {@code --max-aspect-ratio}.
   */
  FILTERED,
  /**
   * The image could not be shaped ({@code --resize}): it cannot be decoded, or it has too many
   * pixels to decode or encode.
   */
  RESIZE,
  REDIRECT,
  BAD_RESPONSE,
  INTERRUPTED,
  WORKER,
  /** The download could not be written: a full disk, a folder that went away. */
  OUTPUT,
  /** Anything else. */
  ERROR,
  /** Not a failure of a download: the entry was never valid (its error says why). */
  INVALID;

  /** How an error starts, and its kind; the first match wins, so the longer prefix comes first. */
  private record Prefix(String start, FailureKind kind) {}

  private static final List<Prefix> PREFIXES = List.of(
      new Prefix("deadline ", DEADLINE),
      new Prefix("timeout after ", TIMEOUT),
      new Prefix("connect timeout after ", TIMEOUT),
      new Prefix("connection ", CONNECTION),
      new Prefix("unknown host ", CONNECTION),
      new Prefix("no IPv", CONNECTION),
      new Prefix("not an image", NOT_AN_IMAGE),
      new Prefix("too large: ", FILTERED),
      new Prefix("too small: ", FILTERED),
      new Prefix("aspect ratio ", FILTERED),
      new Prefix("cannot decode", RESIZE),
      new Prefix("too many pixels to ", RESIZE),
      new Prefix("too large", TOO_LARGE),
      new Prefix("opted out (", OPTED_OUT),
      new Prefix("hash mismatch", HASH_MISMATCH),
      new Prefix("redirect ", REDIRECT),
      new Prefix("too many redirects", REDIRECT),
      new Prefix("bad response: ", BAD_RESPONSE),
      new Prefix("worker ", WORKER),
      new Prefix("certificate ", TLS),
      new Prefix("host name does not match", TLS),
      new Prefix("TLS error", TLS),
      new Prefix("cannot read the --cacert file", TLS),
      new Prefix("cannot write ", OUTPUT),
      new Prefix("HTTP ", HTTP));

  /** The label: the name in lower case with hyphens, {@code not-an-image}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The kind of a failed or invalid result; null for any other status (downloaded, skipped,
   * duplicate, and whatever else counts as a success).
   */
  public static FailureKind of(Result result) {
    if (result.status() == Status.INVALID) {
      return INVALID;
    }
    return result.status() == Status.FAILED ? ofError(result.error()) : null;
  }

  /** The kind of a failed entry's error. */
  public static FailureKind ofError(String error) {
    if (error == null) {
      return ERROR;
    }
    if (error.equals(Result.INTERRUPTED)) {
      return INTERRUPTED;
    }
    // A redirect status without a Location is a broken redirect, not an HTTP error.
    if (error.startsWith("HTTP 3") && error.contains(" without a Location")) {
      return REDIRECT;
    }
    for (Prefix prefix : PREFIXES) {
      if (error.startsWith(prefix.start())) {
        return prefix.kind();
      }
    }
    return ERROR;
  }
}
