package dev.imgdl.cli;

import java.util.regex.Pattern;

/** Checks of option values and combinations that picocli's types alone cannot express. */
final class OptionChecks {
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private OptionChecks() {}

  static void check(ImgdlCommand c) {
    if (c.workers < 1 || c.workers > 256) {
      throw new UsageException("--workers must be 1 to 256, not " + c.workers);
    }
    if (c.retries < 0 || c.retries > 100) {
      throw new UsageException("--retries must be 0 to 100, not " + c.retries);
    }
    if (c.timeout.isZero()) {
      throw new UsageException("--timeout must be more than 0");
    }
    if (c.deadline.isZero()) {
      throw new UsageException("--deadline must be more than 0");
    }
    if (c.maxSize <= 0) {
      throw new UsageException("--max-size must be more than 0");
    }
    if (c.perHost < 0) {
      throw new UsageException("--per-host must be 0 (no cap) or more, not " + c.perHost);
    }
    if (!(c.rate >= 0) || Double.isInfinite(c.rate)) {
      throw new UsageException("--rate must be 0 (no limit) or a positive number");
    }
    if (!(c.minSuccess >= 0 && c.minSuccess <= 1)) {
      throw new UsageException("--min-success must be between 0 and 1, not " + c.minSuccess);
    }
    if (c.quiet && c.verbosity() > 0) {
      throw new UsageException("--quiet and --verbose cannot be used together");
    }
    if (c.userAgent != null && !validValue(c.userAgent)) {
      throw new UsageException("--user-agent must not contain control characters");
    }
    for (String header : c.headers) {
      int colon = header.indexOf(':');
      if (colon <= 0 || !HEADER_NAME.matcher(header.substring(0, colon).strip()).matches()) {
        throw new UsageException("-H '" + header + "' is not a header: use 'Name: value'");
      }
      if (!validValue(header.substring(colon + 1))) {
        throw new UsageException("-H '" + header + "': the value has control characters");
      }
    }
  }

  private static boolean validValue(String value) {
    return value.chars().noneMatch(ch -> (ch < 0x20 && ch != '\t') || ch == 0x7f);
  }
}
