package dev.imgdl.cli;

import dev.imgdl.config.Durations;
import dev.imgdl.config.Sizes;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Checks of option values and combinations that picocli's types alone cannot express. Every
 * value the program could not honour is refused here, before anything starts, rather than
 * failing later in the HTTP client of every worker.
 */
final class OptionChecks {
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /** Longest --timeout and --deadline. OkHttp takes at most 24.8 days; a day is plenty. */
  static final Duration MAX_DURATION = Duration.ofHours(24);

  /** Largest --max-size: 1 TiB, more than any image and far from overflowing a byte count. */
  static final long MAX_SIZE = 1L << 40;

  /**
   * Slowest and fastest --rate: one request start per 1,000 s, a million a second. Slower is no
   * rate anyone means (100 entries on one host would take a day), and near 1e-10 the interval
   * between starts overflows in nanoseconds, which silently meant no limit at all; faster is an
   * interval under a microsecond, which no gate keeps.
   */
  static final double MIN_RATE = 0.001;

  static final double MAX_RATE = 1_000_000;

  private OptionChecks() {}

  static void check(ImgdlCommand c) {
    if (c.workers < 1 || c.workers > 256) {
      throw new UsageException("--workers must be 1 to 256, not " + c.workers);
    }
    if (c.processes != null && (c.processes < 1 || c.processes > ImgdlCommand.MAX_PROCESSES)) {
      throw new UsageException("--processes must be 1 to 256, not " + c.processes);
    }
    if (c.retries < 0 || c.retries > 100) {
      throw new UsageException("--retries must be 0 to 100, not " + c.retries);
    }
    checkDuration("--timeout", c.timeout);
    checkDuration("--deadline", c.deadline);
    if (c.maxSize < 1 || c.maxSize > MAX_SIZE) {
      throw new UsageException("--max-size must be 1 to 1024G (1 TiB), not "
          + Sizes.format(c.maxSize));
    }
    if (c.perHost < 0) {
      throw new UsageException("--per-host must be 0 (no cap) or more, not " + c.perHost);
    }
    if (!(c.rate == 0 || (c.rate >= MIN_RATE && c.rate <= MAX_RATE))) {
      throw new UsageException(
          "--rate must be 0 (no limit) or 0.001 to 1000000 requests per second, not " + c.rate);
    }
    if (!(c.minSuccess >= 0 && c.minSuccess <= 1)) {
      throw new UsageException("--min-success must be between 0 and 1, not " + c.minSuccess);
    }
    if (c.quiet && c.verbosity() > 0) {
      throw new UsageException("--quiet and --verbose cannot be used together");
    }
    if (c.userAgent != null && !validValue(c.userAgent)) {
      throw new UsageException(
          "--user-agent '" + c.userAgent + "': only printable ASCII and tabs can be sent");
    }
    for (String header : c.headers) {
      int colon = header.indexOf(':');
      if (colon <= 0 || !HEADER_NAME.matcher(header.substring(0, colon).strip()).matches()) {
        throw new UsageException("-H '" + header + "' is not a header: use 'Name: value'");
      }
      if (!validValue(header.substring(colon + 1))) {
        throw new UsageException(
            "-H '" + header + "': only printable ASCII and tabs can be sent in the value");
      }
    }
  }

  private static void checkDuration(String option, Duration d) {
    if (d.toMillis() < 1 || d.compareTo(MAX_DURATION) > 0) {
      throw new UsageException(
          option + " must be 1ms to 24h, not " + Durations.format(d));
    }
  }

  /**
   * Whether a header value can be sent as is. OkHttp refuses anything but printable ASCII and
   * tabs, and would refuse it only when the first request is built, in every worker.
   */
  private static boolean validValue(String value) {
    return value.chars().allMatch(ch -> ch == '\t' || (ch >= 0x20 && ch < 0x7f));
  }
}
