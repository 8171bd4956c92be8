package dev.imgdl.core.input;

import dev.imgdl.core.text.Excerpt;
import java.io.Serializable;

/**
 * What {@code --verify-hash COL[:sha256|md5]} asks: the column of a table that holds each row's
 * expected hash, and its algorithm (SHA-256 unless named). A row whose cell is empty or holds no
 * hash of that algorithm is {@code invalid}: the check the user asked for cannot be made.
 * Serializable, since the Spark job ships it to the executors that check the cells.
 */
public record HashColumn(String column, ExpectedHash.Algorithm algorithm)
    implements Serializable {
  static final String OPTION = "--verify-hash";

  /** Parses the option's value; an {@link IllegalArgumentException} names what is wrong. */
  public static HashColumn parse(String value) {
    String column = value;
    ExpectedHash.Algorithm algorithm = ExpectedHash.Algorithm.SHA256;
    int colon = value.lastIndexOf(':');
    if (colon >= 0) {
      String label = value.substring(colon + 1);
      algorithm = ExpectedHash.Algorithm.of(label.strip());
      if (algorithm == null) {
        throw new IllegalArgumentException(OPTION + " " + Excerpt.text(value)
            + ": unknown hash '" + Excerpt.text(label) + "' (sha256 or md5)");
      }
      column = value.substring(0, colon);
    }
    if (column.isBlank()) {
      throw new IllegalArgumentException(OPTION + " needs a column name");
    }
    return new HashColumn(column.strip(), algorithm);
  }

  /** Why a row whose cell holds {@code text} (null: empty or absent) has no hash to check. */
  public String problem(String text) {
    String name = "column \"" + Excerpt.text(column) + "\"";
    if (text == null || text.isBlank()) {
      return "no " + algorithm.label() + " hash (" + name + " is empty)";
    }
    if (ExpectedHash.parse(algorithm, text) == null) {
      return "not " + algorithm.article() + " hash: " + name + " holds \""
          + Excerpt.text(text) + "\" (" + algorithm.hexDigits() + " hex digits expected)";
    }
    return null;
  }
}
