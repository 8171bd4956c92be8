package dev.imgdl.dataset;

import dev.imgdl.input.Entry;
import dev.imgdl.result.Result;
import dev.imgdl.text.Credentials;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry's row of shard metadata, downloaded or not, as ordered columns: key, url (credentials
 * hidden, as in the report), caption, the saved columns, then what happened. A saved column whose
 * name is one of the fixed columns is written as {@code saved.NAME} ({@link SavedColumns}, which
 * also refuses saved columns that would share a name), so that no value is lost.
 */
public final class MetadataRow {
  /** The fixed columns, in order; the saved columns come after {@code caption}. */
  public static final List<String> FIXED = List.of("key", "url", "caption", "status", "error",
      "sha256", "bytes", "width", "height", "contentType");

  private MetadataRow() {}

  public static Map<String, Object> of(String key, Entry entry, Result result) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("key", key);
    row.put("url", Credentials.redact(entry.url()));
    row.put("caption", entry.caption());
    entry.saved().forEach((name, value) ->
        row.put(SavedColumns.name(name, FIXED), value));
    row.put("status", result.status().label());
    row.put("error", result.error() == null ? null : Credentials.redactWords(result.error()));
    row.put("sha256", result.sha256());
    row.put("bytes", result.bytes());
    row.put("width", result.width());
    row.put("height", result.height());
    row.put("contentType", result.contentType());
    return row;
  }
}
