package dev.imgdl.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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
 * Table files for tests, written by the libraries imgdl reads them with: Commons CSV and
 * parquet-hadoop (through {@link LocalOutputFile}, as the metadata files are written).
 */
public final class TableFiles {
  private TableFiles() {}

  /** A CSV or TSV file (gzipped when its name ends with .gz): a header, then the rows. */
  public static Path csv(Path file, char delimiter, List<String> header, List<List<?>> rows)
      throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter)
        .setHeader(header.toArray(String[]::new)).get();
    try (OutputStream out = open(file);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(w, format)) {
      for (List<?> row : rows) {
        printer.printRecord(row);
      }
    }
    return file;
  }

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

  private static OutputStream open(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    return file.toString().endsWith(".gz") ? new GZIPOutputStream(out) : out;
  }
}
