package dev.imgdl.core.input;

import dev.imgdl.core.source.InputFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * How to read the inputs: their format and, for tables, which columns hold what.
 *
 * @param format the format of every input, or null to take each file's from its name (and
 *     {@link InputFormat#LINES} for standard input)
 * @param urlColumn the column holding the URL
 * @param captionColumn the column holding the caption, or null
 * @param saveColumns columns carried through to the metadata, in this order
 * @param hash the column of each row's expected hash ({@code --verify-hash}), or null
 */
public record InputOptions(InputFormat format, String urlColumn, String captionColumn,
    List<String> saveColumns, HashColumn hash) {

  /** Lists, or tables by their file names, with a {@code url} column and nothing else. */
  public static final InputOptions DEFAULT =
      new InputOptions(null, "url", null, List.of(), null);

  public InputOptions {
    saveColumns = List.copyOf(saveColumns);
  }

  /** The format of {@code input}, a file name or {@code -} for standard input. */
  public InputFormat formatOf(String input) {
    if (format != null) {
      return format;
    }
    return InputReader.STDIN.equals(input) ? InputFormat.LINES : InputFormat.fromName(input);
  }

  /** Whether bodies need their MD5 too: the hashes to verify are MD5s. */
  public boolean md5() {
    return hash != null && hash.algorithm() == ExpectedHash.Algorithm.MD5;
  }

  /**
   * A usage error for an input that is a list while {@code --verify-hash} is asked: a list has
   * no column to hold the hashes. {@code inputs} are file names, {@code -} for standard input.
   */
  public void checkTables(List<String> inputs) {
    if (hash == null) {
      return;
    }
    for (String input : inputs) {
      if (formatOf(input) == InputFormat.LINES) {
        String name = InputReader.STDIN.equals(input) ? "standard input" : input;
        throw new IllegalArgumentException(HashColumn.OPTION + " needs a table (csv, tsv, "
            + "jsonl or parquet): " + name + " is read as a list of URLs");
      }
    }
  }

  /** The columns a table must have, each once: the URL, the caption, the saved ones, the hash. */
  public List<String> columns() {
    List<String> columns = new ArrayList<>();
    columns.add(urlColumn);
    if (captionColumn != null && !columns.contains(captionColumn)) {
      columns.add(captionColumn);
    }
    for (String column : saveColumns) {
      if (!columns.contains(column)) {
        columns.add(column);
      }
    }
    if (hash != null && !columns.contains(hash.column())) {
      columns.add(hash.column());
    }
    return List.copyOf(columns);
  }
}
