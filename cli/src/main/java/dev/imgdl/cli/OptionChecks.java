package dev.imgdl.cli;

import dev.imgdl.core.config.Limits;
import dev.imgdl.core.dataset.MetadataRow;
import dev.imgdl.core.dataset.SavedColumns;
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
    try {
      // The options shared with the Spark job: their checks and messages are the core's.
      c.runOptions.check();
      if (c.processes != null) {
        Limits.range("--processes", c.processes, 1, ImgdlCommand.MAX_PROCESSES);
      }
      c.fetchOptions.check();
      SavedColumns.names(c.inputs().input().saveColumns(), MetadataRow.FIXED);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (c.quiet && c.verbosity() > 0) {
      throw new UsageException("--quiet and --verbose cannot be used together");
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
