package dev.imgdl.input.table;

import dev.imgdl.input.InputException;
import java.util.Collection;
import java.util.List;

/** The check that a table has every column the options name, before any row is read. */
final class Columns {
  private Columns() {}

  /** Throws an {@link InputException} naming the first wanted column the table lacks. */
  static void check(String source, Collection<String> present, List<String> wanted) {
    for (String column : wanted) {
      if (!present.contains(column)) {
        throw new InputException(source + ": no column \"" + column + "\" (columns: "
            + String.join(", ", present) + ")", null);
      }
    }
  }
}
