package dev.imgdl.cli;

import dev.imgdl.config.Limits;
import dev.imgdl.dataset.MetadataRow;
import dev.imgdl.dataset.SavedColumns;
import dev.imgdl.input.InputFormat;
import dev.imgdl.input.InputOptions;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of tabular inputs and opt-outs, shown in a group of their own in {@code --help}.
 * Every value is checked here, so that a bad one is a usage error before anything starts.
 */
final class DatasetInputOptions {
  @Option(names = "--input-format", paramLabel = "FORMAT",
      description = "lines, csv, tsv, jsonl or parquet. Default: from each file's name (.csv, "
          + ".tsv, .jsonl or .ndjson, .parquet; .gz read through gzip), lines otherwise and for "
          + "standard input.")
  String format;

  @Option(names = "--url-col", paramLabel = "NAME", defaultValue = "url",
      description = "The column of a table holding the URL. Default: ${DEFAULT-VALUE}.")
  String urlColumn;

  @Option(names = "--caption-col", paramLabel = "NAME",
      description = "The column of a table holding the caption. Default: none.")
  String captionColumn;

  @Option(names = "--save-cols", paramLabel = "A,B,...",
      description = "Columns of a table carried through to the metadata, comma-separated.")
  String saveColumns;

  @Option(names = "--disallowed-header-directives", paramLabel = "LIST",
      description = "X-Robots-Tag directives that opt an image out: it is not saved, and the "
          + "entry fails as 'opted out'. Comma-separated, any case; empty turns the check off. "
          + "Default: noai,noimageai,noindex,noimageindex.")
  String disallowed;

  /** The input options, checked. */
  InputOptions input() {
    InputFormat parsed;
    try {
      parsed = format == null ? null : InputFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return new InputOptions(parsed, column("--url-col", urlColumn),
        captionColumn == null ? null : column("--caption-col", captionColumn),
        saveColumns == null ? List.of() : names(saveColumns));
  }

  /** The opt-out directives, lower case; empty when the check is off. */
  List<String> disallowedDirectives() {
    return Limits.directives(disallowed);
  }

  private static List<String> names(String list) {
    List<String> names = Arrays.stream(list.split(",")).map(String::strip).toList();
    for (String name : names) {
      column("--save-cols", name);
    }
    try {
      SavedColumns.names(names, MetadataRow.FIXED);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return names;
  }

  private static String column(String option, String name) {
    if (name.isBlank()) {
      throw new UsageException(option + " needs a column name");
    }
    return name.strip();
  }
}
