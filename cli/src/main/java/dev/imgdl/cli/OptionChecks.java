package dev.imgdl.cli;

import dev.imgdl.core.config.Limits;
import dev.imgdl.core.dataset.MetadataRow;
import dev.imgdl.core.dataset.SavedColumns;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Checks of option values and combinations that picocli's types alone cannot express. Every
 * value the program could not honour is refused here, before anything starts, rather than
 * failing later in the HTTP client of every worker.
 */
final class OptionChecks {
  /** The options that say where or how to save, which a {@code --check} run never does. */
  private static final List<String> SAVING = List.of("--output", "--overwrite",
      "--output-format", "--subdirs", "--shard-size", "--metadata", "--retry-failed",
      "--resize", "--resize-mode", "--resize-only-if-bigger", "--encode-format",
      "--encode-quality");

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
    if (c.check) {
      refuseSaving(c);
    }
    try {
      // After --check's refusals: a check takes the filters, not what shapes a saved image.
      c.images().check();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    try {
      c.requestOptions.headers();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** One line for the first saving option given with {@code --check}, by its first name. */
  private static void refuseSaving(ImgdlCommand c) {
    ParseResult parsed = c.spec.commandLine().getParseResult();
    for (String name : SAVING) {
      OptionSpec option = c.spec.findOption(name);
      // --subdirs sets its value through its own consumer, which picocli does not count as a
      // match: its value says it was given.
      boolean given = parsed.hasMatchedOption(name)
          || name.equals("--subdirs") && c.dataset != null && c.dataset.subdirs != null;
      if (given) {
        throw new UsageException("--check saves nothing, so " + option.names()[0]
            + " cannot be used with it");
      }
    }
  }
}
