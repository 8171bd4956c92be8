package dev.imgdl.core.source;

/**
 * One row of a table as a {@link RowReader} gives it.
 *
 * @param number where the row is: the line it starts on in a text table, its 1-based position
 *     in a Parquet file
 * @param values the values of the wanted columns, in their order: a String, Long, Double,
 *     Boolean, null (empty or absent), or a {@link Foreign} value of another type
 * @param invalidReason why the row cannot be an entry (too long to hold), or null
 */
public record Row(int number, Object[] values, String invalidReason) {

  /** A value of a type that JSON-like metadata keeps as text, and that is never a URL. */
  public record Foreign(String type, String text) {}
}
