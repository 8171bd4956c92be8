package dev.imgdl.core.source;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * The rows of one table file, read in order and one at a time, so that memory does not grow
 * with the file. Each implementation reads one format and gives only the values of the columns
 * it was asked for. A malformed file is an {@link dev.imgdl.core.source.InputException} naming the
 * file and the row.
 */
public interface RowReader extends Closeable {

  /**
   * The columns the file has (its header, its schema, or the keys of its first row), or null
   * when it has no rows at all.
   */
  List<String> columns() throws IOException;

  /** The next row, or null at the end of the file. */
  Row next() throws IOException;
}
