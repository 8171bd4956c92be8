package dev.imgdl.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.core.source.InputException;
import dev.imgdl.core.source.InputFormat;
import dev.imgdl.testing.ParquetFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Parquet inputs, written here by parquet-hadoop's own writer over a LocalOutputFile. */
class ParquetInputTest {
  static final String SCHEMA = "message row { optional binary url (STRING); "
      + "optional binary caption (STRING); optional int64 id; optional double score; }";

  @TempDir Path dir;

  private static Map<String, Object> row(Object url, Object caption, Object id, Object score) {
    Map<String, Object> row = new HashMap<>();
    row.put("url", url);
    row.put("caption", caption);
    row.put("id", id);
    row.put("score", score);
    return row;
  }

  @ParameterizedTest
  @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "SNAPPY", "GZIP",
      "ZSTD"})
  void rowsAreReadWithNullsAndSavedColumnsWhateverTheCodec(CompressionCodecName codec)
      throws Exception {
    Path file = ParquetFiles.parquet(dir.resolve("data.parquet"), SCHEMA, List.of(
        row("http://h/a.jpg", "A", 1L, 0.5),
        row(null, "no url", 2L, null),
        row("http://h/b.jpg", null, null, 1.0)), codec);

    List<Entry> entries = TableInputTest.read(
        new InputOptions(null, "url", "caption", List.of("score", "id"), null), "", file);

    assertThat(entries).extracting(Entry::location)
        .containsExactly(file + ":1", file + ":2", file + ":3");
    assertThat(entries).extracting(Entry::url).containsExactly("http://h/a.jpg", "",
        "http://h/b.jpg");
    assertThat(entries).extracting(Entry::invalidReason)
        .containsExactly(null, "no URL (column \"url\" is empty)", null);
    assertThat(entries).extracting(Entry::caption).containsExactly("A", "no url", null);
    assertThat(entries.get(0).saved()).containsExactly(Map.entry("score", 0.5),
        Map.entry("id", 1L));
    assertThat(entries.get(2).saved()).containsEntry("id", null).containsEntry("score", 1.0);
  }

  @Test
  void aUrlColumnOfNumbersGivesInvalidEntries() throws Exception {
    Path file = ParquetFiles.parquet(dir.resolve("n.parquet"),
        "message row { required int64 url; }", List.of(Map.of("url", 42L)),
        CompressionCodecName.SNAPPY);

    List<Entry> entries = TableInputTest.read(InputOptions.DEFAULT, "", file);

    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e.url()).isEqualTo("42");
      assertThat(e.invalidReason())
          .isEqualTo("not a URL: column \"url\" holds a number, not text");
    });
  }

  @Test
  void aMissingColumnNamesTheSchemasColumns() throws Exception {
    Path file = ParquetFiles.parquet(dir.resolve("m.parquet"), SCHEMA,
        List.of(row("http://h/a.jpg", null, null, null)), CompressionCodecName.SNAPPY);

    assertThatThrownBy(() -> TableInputTest.read(
        new InputOptions(null, "URL", null, List.of(), null), "", file))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ": no column \"URL\" (columns: url, caption, id, score)");
  }

  @Test
  void manyRowGroupsAreReadInOrder() throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    IntStream.range(0, 30_000).forEach(i ->
        rows.add(row("http://h/" + i + ".jpg", "caption " + "x".repeat(200) + i, (long) i, null)));
    Path file = ParquetFiles.parquet(dir.resolve("big.parquet"), SCHEMA, rows,
        CompressionCodecName.UNCOMPRESSED, 256 * 1024);
    try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(file))) {
      assertThat(footer.getRowGroups()).as("row groups").hasSizeGreaterThan(5);
    }

    List<Entry> entries = TableInputTest.read(InputOptions.DEFAULT, "", file);

    assertThat(entries).hasSize(30_000);
    assertThat(entries.get(29_999).url()).isEqualTo("http://h/29999.jpg");
    assertThat(entries.get(29_999).line()).isEqualTo(30_000);
  }

  @Test
  void parquetFromStandardInputIsAClearError() {
    InputReader reader = new InputReader(new ByteArrayInputStream(new byte[0]),
        new InputOptions(InputFormat.PARQUET, "url", null, List.of(), null));

    assertThatThrownBy(() -> reader.read(List.of("-"), e -> { }))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("<stdin>: Parquet cannot be read from standard input");
  }

  @Test
  void aFileThatIsNotParquetIsAClearError() throws Exception {
    Path file = java.nio.file.Files.writeString(dir.resolve("x.parquet"), "url\nhttp://h/\n");

    assertThatThrownBy(() -> TableInputTest.read(InputOptions.DEFAULT, "", file))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ": not a readable Parquet file");
  }

  @Test
  void anEmptyParquetFileIsSaidToBeEmptyInWords() throws IOException {
    Path file = Files.createFile(dir.resolve("empty.parquet"));
    assertThatThrownBy(() -> new InputReader(InputStream.nullInputStream())
        .read(List.of(file.toString()), e -> { }))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ": not a Parquet file (empty)");
  }
}
