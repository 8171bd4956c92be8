package dev.imgdl.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Parquet files for tests, written by the library imgdl reads them with, parquet-hadoop
 * (through {@link LocalOutputFile}).
 */
public final class ParquetFiles {
  private ParquetFiles() {}

  /**
   * A Parquet file of {@code schema} (message type syntax), one row per map (an absent key is a
   * null), compressed with {@code codec}, in row groups of the default size.
   */
  public static Path parquet(Path file, String schema, List<Map<String, Object>> rows,
      CompressionCodecName codec) throws IOException {
    return parquet(file, schema, rows, codec, ParquetWriter.DEFAULT_BLOCK_SIZE);
  }

  /** As above, with row groups of about {@code rowGroupBytes} bytes. */
  public static Path parquet(Path file, String schema, List<Map<String, Object>> rows,
      CompressionCodecName codec, long rowGroupBytes) throws IOException {
    MessageType type = MessageTypeParser.parseMessageType(schema);
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    Files.deleteIfExists(file);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration())
        .withType(type)
        .withCompressionCodec(codec)
        .withRowGroupSize(rowGroupBytes)
        .withMinRowCountForPageSizeCheck(10)
        .build()) {
      for (Map<String, Object> row : rows) {
        Group g = groups.newGroup();
        row.forEach((name, value) -> {
          if (value instanceof String s) {
            g.add(name, s);
          } else if (value instanceof Long l) {
            g.add(name, l);
          } else if (value instanceof Integer i) {
            g.add(name, i);
          } else if (value instanceof Double d) {
            g.add(name, d);
          } else if (value instanceof Boolean b) {
            g.add(name, b);
          } else if (value != null) {
            throw new IllegalArgumentException("no Parquet value for " + value);
          }
        });
        writer.write(g);
      }
    }
    return file;
  }
}
