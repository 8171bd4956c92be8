package dev.imgdl.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * A shard's metadata file read back as {@link ParquetMetadata} writes it (flat, optional
 * columns): each row a map in column order, an absent value a null, for resume and tests.
 */
final class MetadataReader {
  private MetadataReader() {}

  static List<Map<String, Object>> read(Path file) throws IOException {
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    List<Map<String, Object>> rows = new ArrayList<>();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      for (PageReadStore group; (group = reader.readNextRowGroup()) != null; ) {
        RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
            .getRecordReader(group, new GroupRecordConverter(schema));
        for (long i = 0; i < group.getRowCount(); i++) {
          rows.add(row(records.read(), schema));
        }
      }
    }
    return rows;
  }

  private static Map<String, Object> row(Group group, MessageType schema) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < schema.getFieldCount(); i++) {
      String name = schema.getFieldName(i);
      row.put(name, group.getFieldRepetitionCount(i) == 0 ? null
          : value(group, i, schema.getType(i).asPrimitiveType()));
    }
    return row;
  }

  private static Object value(Group group, int field, PrimitiveType type) {
    return switch (type.getPrimitiveTypeName()) {
      case INT64 -> group.getLong(field, 0);
      case INT32 -> group.getInteger(field, 0);
      case DOUBLE -> group.getDouble(field, 0);
      case BOOLEAN -> group.getBoolean(field, 0);
      default -> group.getString(field, 0);
    };
  }
}
