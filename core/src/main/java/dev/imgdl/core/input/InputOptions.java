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
 */
public record InputOptions(
    InputFormat format, String urlColumn, String captionColumn, List<String> saveColumns) {

  /** Lists, or tables by their file names, with a {@code url} column and nothing else. */
  public static final InputOptions DEFAULT = new InputOptions(null, "url", null, List.of());

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

  /** The columns a table must have, each once: the URL, the caption, the saved ones. */
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
    return List.copyOf(columns);
  }
}
