package dev.imgdl.core.input;

import dev.imgdl.core.config.Limits;
import dev.imgdl.core.source.InputFormat;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of tabular inputs and of opt-outs that every front end shares, declared once: a
 * picocli mixin in the Spark job, the "Dataset inputs" group of the command line's help. Each
 * accessor checks its values: an {@link IllegalArgumentException} naming the option is what the
 * user reads. Saved columns that would collide with the front end's own columns are its check
 * ({@code core.dataset.SavedColumns}), since each front end has its own.
 */
public final class TableInputOptions {
  @Option(names = "--input-format", paramLabel = "FORMAT",
      completionCandidates = InputFormat.Labels.class,
      description = "lines, csv, tsv, jsonl or parquet. Default: from each input's name (.csv, "
          + ".tsv, .jsonl or .ndjson, .parquet; .gz read through gzip), lines otherwise and for "
          + "standard input.")
  private String format;

  @Option(names = "--url-col", paramLabel = "NAME", defaultValue = "url",
      description = "The column of a table holding the URL. Default: ${DEFAULT-VALUE}.")
  private String urlColumn;

  @Option(names = "--caption-col", paramLabel = "NAME",
      description = "The column of a table holding the caption. Default: none.")
  private String captionColumn;

  @Option(names = "--save-cols", paramLabel = "A,B,...",
      description = "Columns of a table carried through to the metadata, comma-separated.")
  private String saveColumns;

  @Option(names = "--verify-hash", paramLabel = "COL[:sha256|md5]",
      description = "Tables only: compare the hash of each body as received with the column "
          + "COL (hex, any case; sha256 unless :md5 is given). A mismatch fails the entry with "
          + "'hash mismatch' and saves nothing; a row whose cell holds no such hash is invalid.")
  private String verifyHash;

  @Option(names = "--disallowed-header-directives", paramLabel = "LIST",
      description = "X-Robots-Tag directives that opt an image out: it is not saved, and the "
          + "entry fails as 'opted out'. Comma-separated, any case; empty turns the check off. "
          + "Default: noai,noimageai,noindex,noimageindex.")
  private String disallowed;

  /**
   * The input options, checked: the format (null: from each input's name), the columns and the
   * hash to verify. Whether the inputs are tables, as {@code --verify-hash} needs, is {@link
   * InputOptions#checkTables}'s question, once the inputs are known.
   */
  public InputOptions input() {
    InputFormat parsed = format == null ? null : InputFormat.parse(format);
    return new InputOptions(parsed, column("--url-col", urlColumn),
        captionColumn == null ? null : column("--caption-col", captionColumn),
        saveColumns == null ? List.of() : names(saveColumns),
        verifyHash == null ? null : HashColumn.parse(verifyHash));
  }

  /** The opt-out directives; empty when the check is off. */
  public List<String> disallowedDirectives() {
    return Limits.directives(disallowed);
  }

  private static List<String> names(String list) {
    List<String> names = Arrays.stream(list.split(",")).map(String::strip).toList();
    for (String name : names) {
      column("--save-cols", name);
    }
    return names;
  }

  private static String column(String option, String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException(option + " needs a column name");
    }
    return name.strip();
  }
}
