package dev.imgdl.cli;

import dev.imgdl.config.Limits;
import java.util.regex.Pattern;

/**
 * Checks of option values and combinations that picocli's types alone cannot express. Every
 * value the program could not honour is refused here, before anything starts, rather than
 * failing later in the HTTP client of every worker.
 */
final class OptionChecks {
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

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
    try {
      Limits.duration("--timeout", c.timeout);
      Limits.duration("--deadline", c.deadline);
      Limits.maxSize(c.maxSize);
      Limits.rate(c.rate);
      Limits.minSuccess(c.minSuccess);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (c.perHost < 0) {
      throw new UsageException("--per-host must be 0 (no cap) or more, not " + c.perHost);
    }
    if (c.quiet && c.verbosity() > 0) {
      throw new UsageException("--quiet and --verbose cannot be used together");
    }
    if (c.userAgent != null && !Limits.sendable(c.userAgent)) {
      throw new UsageException(
          "--user-agent '" + c.userAgent + "': only printable ASCII and tabs can be sent");
    }
    for (String header : c.headers) {
      int colon = header.indexOf(':');
      if (colon <= 0 || !HEADER_NAME.matcher(header.substring(0, colon).strip()).matches()) {
        throw new UsageException("-H '" + header + "' is not a header: use 'Name: value'");
      }
      if (!Limits.sendable(header.substring(colon + 1))) {
        throw new UsageException(
            "-H '" + header + "': only printable ASCII and tabs can be sent in the value");
      }
    }
  }
}
