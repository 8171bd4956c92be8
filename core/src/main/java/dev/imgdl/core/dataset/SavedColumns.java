package dev.imgdl.core.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * The names the saved columns ({@code --save-cols}) get beside the fixed columns of the
 * metadata or results: a column named like a fixed one is saved as {@code saved.NAME}. Two saved
 * columns that would get one name ({@code status} and {@code saved.status}, or one named twice)
 * are refused, since one value would silently replace the other.
 */
public final class SavedColumns {
  private SavedColumns() {}

  /** The name {@code column} is saved under, given the fixed columns. */
  public static String name(String column, List<String> fixed) {
    return fixed.contains(column) ? "saved." + column : column;
  }

  /**
   * The saved names of {@code saved}, in order; an {@link IllegalArgumentException} naming the
   * option when two would be the same.
   */
  public static List<String> names(List<String> saved, List<String> fixed) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < saved.size(); i++) {
      String column = saved.get(i);
      if (saved.subList(0, i).contains(column)) {
        throw new IllegalArgumentException("--save-cols: column " + column + " is named twice");
      }
      String name = name(column, fixed);
      int clash = names.indexOf(name);
      if (clash >= 0) {
        throw new IllegalArgumentException("--save-cols: columns " + saved.get(clash) + " and "
            + column + " would both be saved as " + name + "; leave one out");
      }
      names.add(name);
    }
    return List.copyOf(names);
  }
}
