package dev.imgdl.core.input;

import dev.imgdl.core.source.Row;
import dev.imgdl.core.source.RowReader;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the rows of a table into entries, whatever its format: the URL column's value becomes
 * the entry's URL (an empty, absent or non-text value makes the entry invalid, with the reason),
 * the caption column's its caption, and the saved columns its saved values.
 */
final class TableEntries {
  private final InputOptions options;
  private final List<String> wanted;

  public TableEntries(InputOptions options) {
    this.options = options;
    this.wanted = options.columns();
  }

  /** Reads every row of {@code rows}, numbered from {@code firstIndex}; returns the next index. */
  public int read(RowReader rows, String source, int firstIndex, Consumer<Entry> sink)
      throws IOException {
    List<String> present = rows.columns();
    if (present == null) {
      return firstIndex;
    }
    Columns.check(source, present, wanted);
    int index = firstIndex;
    for (Row row; (row = rows.next()) != null; ) {
      sink.accept(entry(index++, source, row));
    }
    return index;
  }

  private Entry entry(int index, String source, Row row) {
    Object[] values = row.values();
    Entry.Builder entry = start(index, source, row).caption(caption(values))
        .saved(saved(values));
    return hash(entry, row).build();
  }

  /** The row's expected hash; a row that cannot be checked as asked is invalid. */
  private Entry.Builder hash(Entry.Builder entry, Row row) {
    HashColumn hash = options.hash();
    if (hash == null || entry.isInvalid()) {
      return entry;
    }
    Object value = row.values()[wanted.indexOf(hash.column())];
    String text = value == null ? null : text(value);
    String problem = hash.problem(text);
    return problem != null ? entry.invalid(problem)
        : entry.hash(ExpectedHash.parse(hash.algorithm(), text));
  }

  /** The entry's URL, and why it is invalid when the row already says so. */
  private Entry.Builder start(int index, String source, Row row) {
    if (row.invalidReason() != null) {
      return Entry.builder(index, source, row.number(), "").invalid(row.invalidReason());
    }
    Object url = row.values()[0];
    if (url instanceof String text && !text.isBlank()) {
      return Entry.builder(index, source, row.number(), text.strip());
    }
    String column = "column \"" + options.urlColumn() + "\"";
    if (url == null || url instanceof String) {
      return Entry.builder(index, source, row.number(), "")
          .invalid("no URL (" + column + " is empty)");
    }
    String type = url instanceof Row.Foreign f ? f.type() : typeName(url);
    return Entry.builder(index, source, row.number(), text(url))
        .invalid("not a URL: " + column + " holds " + type + ", not text");
  }

  private String caption(Object[] values) {
    if (options.captionColumn() == null) {
      return null;
    }
    Object value = values[wanted.indexOf(options.captionColumn())];
    return value == null ? null : text(value);
  }

  private Map<String, Object> saved(Object[] values) {
    if (options.saveColumns().isEmpty()) {
      return Map.of();
    }
    Map<String, Object> saved = new LinkedHashMap<>();
    for (String column : options.saveColumns()) {
      Object value = values[wanted.indexOf(column)];
      saved.put(column, value instanceof Row.Foreign f ? f.text() : value);
    }
    return Collections.unmodifiableMap(saved);
  }

  private static String text(Object value) {
    return value instanceof Row.Foreign f ? f.text() : String.valueOf(value);
  }

  private static String typeName(Object value) {
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return value instanceof Number ? "a number" : "a " + value.getClass().getSimpleName();
  }
}
