package dev.imgdl.core.dataset;

import dev.imgdl.core.result.ResultField;
import dev.imgdl.core.result.Status;
import dev.imgdl.core.source.InputException;
import dev.imgdl.core.source.InputFormat;
import dev.imgdl.core.source.Row;
import dev.imgdl.core.source.RowReader;
import dev.imgdl.core.source.RowReaders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metadata rows of a shard an earlier run wrote, by key, read back with the input's own
 * table readers (so a Parquet or JSON-lines metadata file is read as any input table is). Each
 * row keeps every column, in the file's order, with the plain values {@link MetadataRow} wrote,
 * so that a rewritten shard can carry it unchanged.
 */
public final class ShardRows {
  private final Map<String, Map<String, Object>> rows;

  private ShardRows(Map<String, Map<String, Object>> rows) {
    this.rows = rows;
  }

  /**
   * Reads {@code file}; throws {@link IOException} when it cannot be read whole (malformed, a
   * row too long to hold, a row without a key), since a row that is not read could not be kept.
   */
  public static ShardRows read(Path file, OutputLayout.Metadata format) throws IOException {
    InputFormat input = format == OutputLayout.Metadata.PARQUET ? InputFormat.PARQUET
        : InputFormat.JSONL;
    List<String> columns;
    try (InputStream in = stream(file, input);
        RowReader reader = open(file, input, in, List.of())) {
      columns = reader.columns();
    } catch (InputException e) {
      throw new IOException(e.getMessage(), e);
    }
    Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    if (columns == null) {
      return new ShardRows(rows);
    }
    try (InputStream in = stream(file, input);
        RowReader reader = open(file, input, in, columns)) {
      for (Row row; (row = reader.next()) != null; ) {
        if (row.invalidReason() != null) {
          throw new IOException(file.getFileName() + ":" + row.number() + ": "
              + row.invalidReason());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          Object value = row.values()[i];
          values.put(columns.get(i), value instanceof Row.Foreign f ? f.text() : value);
        }
        if (!(values.get("key") instanceof String key)) {
          throw new IOException(file.getFileName() + ":" + row.number() + ": no key");
        }
        rows.put(key, values);
      }
    } catch (InputException e) {
      throw new IOException(e.getMessage(), e);
    }
    return new ShardRows(rows);
  }

  /** The text table's stream, which its reader leaves to its caller to close; none for Parquet. */
  private static InputStream stream(Path file, InputFormat format) throws IOException {
    return format == InputFormat.PARQUET ? null : Files.newInputStream(file);
  }

  private static RowReader open(Path file, InputFormat format, InputStream in,
      List<String> wanted) throws IOException {
    return RowReaders.open(format, file.toString(), in, file, false, wanted);
  }

  public int size() {
    return rows.size();
  }

  /** Every row, in the file's order. */
  public Collection<Map<String, Object>> rows() {
    return Collections.unmodifiableCollection(rows.values());
  }

  /** The row of {@code key}, or null when the shard has none. */
  public Map<String, Object> row(String key) {
    return rows.get(key);
  }

  /** The status the row of {@code key} records, or null without a row or a known status. */
  public Status status(String key) {
    Object label = value(key, ResultField.STATUS);
    try {
      return label == null ? null : Status.of(label.toString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The error the row of {@code key} records, or null. */
  public String error(String key) {
    Object error = value(key, ResultField.ERROR);
    return error == null ? null : error.toString();
  }

  private Object value(String key, ResultField field) {
    Map<String, Object> row = rows.get(key);
    return row == null ? null : row.get(field.label());
  }
}
