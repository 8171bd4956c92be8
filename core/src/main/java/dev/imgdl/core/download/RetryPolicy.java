package dev.imgdl.core.download;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which failures are retried and how long to wait: exponential backoff with full jitter (a
 * random wait between 0 and {@code base * 2^(attempt-1)}, capped), or what the server asked for
 * in {@code Retry-After}.
 */
final class RetryPolicy {
  // 522 and 524 are Cloudflare's origin connect and read timeouts: transient, and curl's
  // --retry retries them too.
  private static final Set<Integer> RETRYABLE_STATUS =
      Set.of(408, 425, 429, 500, 502, 503, 504, 522, 524);
  private static final long BASE_MILLIS = 250;
  private static final long CAP_MILLIS = 30_000;

  private RetryPolicy() {}

  /** Whether an HTTP status is worth another attempt. */
  public static boolean retryable(int status) {
    return RETRYABLE_STATUS.contains(status);
  }

  /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed attempts. */
  public static long backoffMillis(int attempt) {
    long ceiling = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(attempt - 1, 20));
    return ThreadLocalRandom.current().nextLong(ceiling + 1);
  }

  /**
   * The wait a {@code Retry-After} value asks for, in milliseconds, or -1 when the value is
   * absent or unreadable. Both forms are understood: seconds and an HTTP date.
   */
  public static long retryAfterMillis(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return -1;
    }
    String v = value.strip();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Math.multiplyExact(Long.parseLong(v), 1000L);
      } catch (ArithmeticException | NumberFormatException e) {
        return Long.MAX_VALUE;
      }
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Math.max(0, at.toEpochMilli() - now.toEpochMilli());
    } catch (DateTimeParseException e) {
      return -1;
    }
  }
}
