package dev.imgdl.core.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Metadata rows as JSON: one object per line for a shard's {@code .jsonl} file, and one object
 * alone for a member's {@code KEY.json}. Values are the plain ones of {@link MetadataRow}
 * (String, Number, Boolean or null).
 */
public final class JsonlMetadata {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonlMetadata() {}

  /** Writes {@code rows}, one per line; leaves {@code out} open. */
  public static void write(List<Map<String, Object>> rows, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      for (Map<String, Object> row : rows) {
        object(g, row);
        g.writeRaw('\n');
      }
    }
  }

  /** One row as a JSON object, UTF-8. */
  public static byte[] object(Map<String, Object> row) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(bytes)) {
      object(g, row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void object(JsonGenerator g, Map<String, Object> row) throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, Object> column : row.entrySet()) {
      g.writeFieldName(column.getKey());
      g.writeObject(column.getValue());
    }
    g.writeEndObject();
  }
}
