package dev.imgdl.parquet;

import dev.imgdl.core.dataset.MetadataRow;
import dev.imgdl.core.result.ResultField;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Metadata rows as one Parquet file (SNAPPY-compressed, one row group for a shard), written with
 * parquet-hadoop's example object model over a plain stream: no Hadoop file system. Every column
 * is optional. The fixed columns have their result field's type (a long is int64, an int int32,
 * text a string); a saved column takes the type of its values (string, int64, double, boolean),
 * and becomes a string column when the rows of a shard disagree, or when all its values are null.
 */
final class ParquetMetadata {
  /** A saved column's type while no value of it has been seen (never a column's real type). */
  private static final PrimitiveTypeName NONE = PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;

  private ParquetMetadata() {}

  /** Writes {@code rows} to {@code out}, which it closes. */
  static void write(List<Map<String, Object>> rows, OutputStream out) throws IOException {
    Map<String, PrimitiveTypeName> columns = columns(rows);
    MessageType schema = schema(columns);
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new StreamOutputFile(out))
        .withConf(new PlainParquetConfiguration())
        .withType(schema)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .build()) {
      for (Map<String, Object> row : rows) {
        Group g = groups.newGroup();
        row.forEach((name, value) -> add(g, name, columns.get(name), value));
        writer.write(g);
      }
    }
  }

  /** The columns in the rows' order (fixed and saved ones), each with its type. */
  private static Map<String, PrimitiveTypeName> columns(List<Map<String, Object>> rows) {
    Map<String, PrimitiveTypeName> columns = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      row.forEach((name, value) -> {
        PrimitiveTypeName fixed = fixedType(name);
        if (fixed != null) {
          columns.put(name, fixed);
        } else {
          // NONE: no value seen yet; a column that stays so is a string column.
          columns.merge(name, value == null ? NONE : type(value), ParquetMetadata::agree);
        }
      });
    }
    columns.replaceAll((n, t) -> t == NONE ? PrimitiveTypeName.BINARY : t);
    return columns;
  }

  private static PrimitiveTypeName fixedType(String name) {
    ResultField.Type type = MetadataRow.type(name);
    if (type == null) {
      return null;
    }
    return switch (type) {
      case LONG -> PrimitiveTypeName.INT64;
      case INT, NULLABLE_INT -> PrimitiveTypeName.INT32;
      case BOOLEAN -> PrimitiveTypeName.BOOLEAN;
      case STRING -> PrimitiveTypeName.BINARY;
    };
  }

  private static PrimitiveTypeName agree(PrimitiveTypeName a, PrimitiveTypeName b) {
    if (a == NONE) {
      return b;
    }
    if (b == NONE || a == b) {
      return a;
    }
    return PrimitiveTypeName.BINARY;
  }

  private static PrimitiveTypeName type(Object value) {
    if (value instanceof Long || value instanceof Integer) {
      return PrimitiveTypeName.INT64;
    }
    if (value instanceof Double || value instanceof Float) {
      return PrimitiveTypeName.DOUBLE;
    }
    if (value instanceof Boolean) {
      return PrimitiveTypeName.BOOLEAN;
    }
    return PrimitiveTypeName.BINARY;
  }

  private static MessageType schema(Map<String, PrimitiveTypeName> columns) {
    Types.MessageTypeBuilder schema = Types.buildMessage();
    columns.forEach((name, type) -> {
      if (type == PrimitiveTypeName.BINARY) {
        schema.optional(type).as(LogicalTypeAnnotation.stringType()).named(name);
      } else {
        schema.optional(type).named(name);
      }
    });
    return schema.named("imgdl_shard");
  }

  private static void add(Group g, String name, PrimitiveTypeName type, Object value) {
    if (value == null) {
      return;
    }
    switch (type) {
      case INT64 -> g.add(name, ((Number) value).longValue());
      case INT32 -> g.add(name, ((Number) value).intValue());
      case DOUBLE -> g.add(name, ((Number) value).doubleValue());
      case BOOLEAN -> g.add(name, (Boolean) value);
      default -> g.add(name, value.toString());
    }
  }
}
