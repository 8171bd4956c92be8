package dev.imgdl.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.source.ParquetSupport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shard's Parquet metadata, written through the core's {@link ParquetSupport} (found by its
 * ServiceLoader) and read back with parquet-hadoop itself and with the support's reader.
 */
class ParquetMetadataTest {
  @TempDir Path dir;

  @Test
  void parquetMetadataReadsBackWithTypedColumnsOneRowPerEntry() throws IOException {
    ShardWriterTest.write(dir, OutputLayout.Metadata.PARQUET);
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    List<Group> rows = new ArrayList<>();
    MessageType schema;
    try (ParquetFileReader reader =
        ParquetFileReader.open(new LocalInputFile(dir.resolve("00001.parquet")), options)) {
      schema = reader.getFooter().getFileMetaData().getSchema();
      for (PageReadStore group; (group = reader.readNextRowGroup()) != null; ) {
        RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
            .getRecordReader(group, new GroupRecordConverter(schema));
        for (long i = 0; i < group.getRowCount(); i++) {
          rows.add(records.read());
        }
      }
    }
    assertThat(schema.getFields()).extracting(f -> f.getName()).containsExactly("key", "url",
        "caption", "license", "score", "saved.status", "status", "bytes", "sha256", "contentType",
        "finalUrl", "error", "width", "height", "originalWidth", "originalHeight",
        "originalSha256");
    assertThat(schema.getType("originalWidth").asPrimitiveType().getPrimitiveTypeName())
        .isEqualTo(PrimitiveTypeName.INT32);
    assertThat(schema.getType("bytes").asPrimitiveType().getPrimitiveTypeName())
        .isEqualTo(PrimitiveTypeName.INT64);
    assertThat(schema.getType("width").asPrimitiveType().getPrimitiveTypeName())
        .isEqualTo(PrimitiveTypeName.INT32);
    // 0.5 and 2: the rows disagree, so the column holds strings.
    assertThat(schema.getType("score").asPrimitiveType().getPrimitiveTypeName())
        .isEqualTo(PrimitiveTypeName.BINARY);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getString("key", 0)).isEqualTo("000010000");
    assertThat(rows.get(0).getString("url", 0)).isEqualTo("http://***@example.org/a.png");
    assertThat(rows.get(0).getString("caption", 0)).isEqualTo("a red square");
    assertThat(rows.get(0).getLong("bytes", 0)).isEqualTo(5);
    assertThat(rows.get(0).getInteger("width", 0)).isEqualTo(4);
    assertThat(rows.get(0).getInteger("height", 0)).isEqualTo(3);
    assertThat(rows.get(0).getString("score", 0)).isEqualTo("0.5");
    assertThat(rows.get(0).getString("finalUrl", 0)).isEqualTo("http://***@cdn.example.org/a.png");
    assertThat(rows.get(1).getFieldRepetitionCount("finalUrl")).isZero();
    assertThat(rows.get(1).getString("status", 0)).isEqualTo("failed");
    assertThat(rows.get(1).getString("error", 0)).isEqualTo("HTTP 404");
    assertThat(rows.get(1).getFieldRepetitionCount("width")).isZero();
    assertThat(rows.get(1).getFieldRepetitionCount("caption")).isZero();
  }

  @Test
  void theSupportReadsBackWhatItWroteWithTheRowsValues() throws IOException {
    ShardWriterTest.write(dir, OutputLayout.Metadata.PARQUET);

    List<Map<String, Object>> rows =
        ParquetSupport.find().orElseThrow().readMetadata(dir.resolve("00001.parquet"));

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).containsEntry("key", "000010000").containsEntry("bytes", 5L)
        .containsEntry("width", 4).containsEntry("score", "0.5")
        .containsEntry("saved.status", "original");
    assertThat(rows.get(1).keySet()).containsExactlyElementsOf(rows.get(0).keySet());
    assertThat(rows.get(1)).containsEntry("status", "failed").containsEntry("width", null);
  }

  @Test
  void aShardIsCompleteOnlyWithBothFiles() throws IOException {
    ShardWriterTest.aShardIsCompleteOnlyWithBothFiles(dir, OutputLayout.Metadata.PARQUET);
  }
}
