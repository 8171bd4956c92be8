package dev.imgdl.core.input;

import dev.imgdl.core.source.InputException;
import dev.imgdl.core.text.Excerpt;
import java.util.Collection;
import java.util.List;

/** The check that a table has every column the options name, before any row is read. */
final class Columns {
  private Columns() {}

  /**
   * Throws an {@link InputException} naming the first wanted column the table lacks, and the
   * table's columns: the first few of them, as a header can hold thousands.
   */
  static void check(String source, Collection<String> present, List<String> wanted) {
    for (String column : wanted) {
      if (!present.contains(column)) {
        throw new InputException(source + ": no column \"" + Excerpt.text(column)
            + "\" (columns: " + Excerpt.names(present) + ")", null);
      }
    }
  }
}
