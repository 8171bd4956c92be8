package dev.imgdl.core.dataset;

import dev.imgdl.core.input.Entry;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.ResultField;
import dev.imgdl.core.text.Credentials;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry's row of shard metadata, downloaded or not, as ordered columns: key, url (credentials
 * hidden, as in the report), caption, the saved columns, then what happened: the result fields
 * of {@link ResultField.Output#METADATA}. A saved column whose name is one of the fixed columns
 * is written as {@code saved.NAME} ({@link SavedColumns}, which also refuses saved columns that
 * would share a name), so that no value is lost.
 */
public final class MetadataRow {
  /** The result fields of a row, in order. */
  private static final List<ResultField> FIELDS = ResultField.in(ResultField.Output.METADATA);

  /** The fixed columns, in order; the saved columns come after {@code caption}. */
  public static final List<String> FIXED = fixed();

  private MetadataRow() {}

  public static Map<String, Object> of(String key, Entry entry, Result result) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("key", key);
    row.put("url", Credentials.redact(entry.url()));
    row.put("caption", entry.caption());
    entry.saved().forEach((name, value) ->
        row.put(SavedColumns.name(name, FIXED), value));
    for (ResultField field : FIELDS) {
      row.put(field.label(), field.value(result, ResultField.Output.METADATA));
    }
    return row;
  }

  /**
   * The type of the fixed column {@code name} (key, url and caption are strings), or null for a
   * saved column, whose values decide.
   */
  public static ResultField.Type type(String name) {
    if (!FIXED.contains(name)) {
      return null;
    }
    ResultField field = ResultField.labelled(name);
    return field == null ? ResultField.Type.STRING : field.type();
  }

  private static List<String> fixed() {
    List<String> names = new ArrayList<>(List.of("key", "url", "caption"));
    FIELDS.forEach(f -> names.add(f.label()));
    return List.copyOf(names);
  }
}
