package dev.imgdl.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.core.source.InputException;
import dev.imgdl.core.source.InputFormat;
import dev.imgdl.testing.TableFiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV, TSV, JSONL and gzipped inputs, through the reader as the run uses it. */
class TableInputTest {
  @TempDir Path dir;

  static final InputOptions CAPTIONED =
      new InputOptions(null, "url", "caption", List.of("id", "caption"), null);

  static List<Entry> read(InputOptions options, String stdin, Path... files) {
    List<Entry> entries = new ArrayList<>();
    List<String> inputs = Arrays.stream(files).map(Path::toString).toList();
    new InputReader(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), options)
        .read(inputs.isEmpty() ? List.of("-") : inputs, entries::add);
    return entries;
  }

  @Test
  void csvRowsKeepEmbeddedNewlinesAndQuotesAndAreNumberedByTheirFirstLine() throws Exception {
    Path file = TableFiles.csv(dir.resolve("data.csv"), ',', List.of("id", "url", "caption"),
        List.of(List.of("1", "http://h/a.jpg", "a \"red\",\nsquare"),
            List.of("2", " http://h/b.jpg ", "plain")));

    List<Entry> entries = read(CAPTIONED, "", file);

    assertThat(entries).extracting(Entry::url).containsExactly("http://h/a.jpg", "http://h/b.jpg");
    assertThat(entries).extracting(Entry::line).containsExactly(2, 4);
    assertThat(entries.get(0).caption()).isEqualTo("a \"red\",\nsquare");
    assertThat(entries.get(0).saved()).containsExactly(
        Map.entry("id", "1"), Map.entry("caption", "a \"red\",\nsquare"));
    assertThat(entries.get(1).location()).isEqualTo(file + ":4");
  }

  @Test
  void tsvAndGzippedCsvAreReadByTheirNames() throws Exception {
    Path tsv = TableFiles.csv(dir.resolve("data.tsv"), '\t', List.of("url", "caption"),
        List.of(List.of("http://h/t.jpg", "tab\there")));
    Path gz = TableFiles.csv(dir.resolve("data.csv.gz"), ',', List.of("caption", "url"),
        List.of(List.of("zipped", "http://h/z.jpg")));

    List<Entry> entries =
        read(new InputOptions(null, "url", "caption", List.of(), null), "", tsv, gz);

    assertThat(entries).extracting(Entry::url).containsExactly("http://h/t.jpg", "http://h/z.jpg");
    assertThat(entries).extracting(Entry::caption).containsExactly("tab\there", "zipped");
    assertThat(entries).extracting(Entry::index).containsExactly(0, 1);
  }

  @Test
  void aMissingColumnStopsBeforeAnyRowNamingTheColumns() throws Exception {
    Path file = TableFiles.csv(dir.resolve("data.csv"), ',', List.of("a", "b", "c"),
        List.of(List.of("1", "2", "3")));

    assertThatThrownBy(() -> read(InputOptions.DEFAULT, "", file))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ": no column \"url\" (columns: a, b, c)");
    assertThatThrownBy(() -> read(CAPTIONED, "", TableFiles.csv(dir.resolve("u.csv"), ',',
        List.of("url"), List.of(List.of("http://h/a.jpg")))))
        .hasMessageEndingWith("u.csv: no column \"caption\" (columns: url)");
  }

  @Test
  void emptyAndMissingUrlsAreInvalidEntries() throws Exception {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, "url,caption\n,empty\nhttp://h/ok.jpg,fine\n\"\"\nshort\n");

    List<Entry> entries = read(InputOptions.DEFAULT, "", file);

    assertThat(entries).extracting(Entry::invalidReason).containsExactly(
        "no URL (column \"url\" is empty)", null, "no URL (column \"url\" is empty)", null);
    assertThat(entries).extracting(Entry::line).containsExactly(2, 3, 4, 5);
  }

  @Test
  void unbalancedQuotingStopsTheRunNamingFileAndRow() throws Exception {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, "url\nhttp://h/a.jpg\n\"http://h/b.jpg\"x\n");

    assertThatThrownBy(() -> read(InputOptions.DEFAULT, "", file))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":3: malformed CSV");
  }

  @Test
  void badUtf8InACsvNamesTheFile() throws Exception {
    Path file = dir.resolve("data.csv");
    Files.write(file, new byte[] {'u', 'r', 'l', '\n', 'h', (byte) 0xff, '\n'});

    assertThatThrownBy(() -> read(InputOptions.DEFAULT, "", file))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ": not valid UTF-8 (at line 1 or after)");
  }

  @Test
  void standardInputIsATableWhenTheFormatIsGiven() {
    InputOptions csv = new InputOptions(InputFormat.CSV, "link", null, List.of(), null);

    List<Entry> entries = read(csv, "\uFEFFlink,x\nhttp://h/s.jpg,1\n");

    assertThat(entries).extracting(Entry::location).containsExactly("<stdin>:2");
    assertThat(entries.get(0).url()).isEqualTo("http://h/s.jpg");
  }

  @Test
  void jsonlValuesOfTheWrongTypeAreInvalidAndSavedAsGiven() throws Exception {
    Path file = dir.resolve("data.jsonl");
    Files.writeString(file, String.join("\n",
        "{\"url\": \"http://h/a.jpg\", \"caption\": \"A\", \"id\": 7, \"x\": [1]}",
        "",
        "{\"url\": 42, \"id\": 1.5}",
        "{\"url\": {\"href\": \"http://h/b.jpg\"}, \"id\": true}",
        "{\"url\": null, \"id\": {\"k\": 1}}",
        "{\"caption\": \"no url key\"}"));

    List<Entry> entries = read(CAPTIONED, "", file);

    assertThat(entries).extracting(Entry::line).containsExactly(1, 3, 4, 5, 6);
    assertThat(entries).extracting(Entry::invalidReason).containsExactly(null,
        "not a URL: column \"url\" holds a number, not text",
        "not a URL: column \"url\" holds an object, not text",
        "no URL (column \"url\" is empty)",
        "no URL (column \"url\" is empty)");
    assertThat(entries.get(1).url()).isEqualTo("42");
    assertThat(entries).extracting(e -> e.saved().get("id"))
        .containsExactly(7L, 1.5, true, "{\"k\":1}", null);
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("id", 7L);
    first.put("caption", "A");
    assertThat(entries.get(0).saved()).containsExactlyEntriesOf(first);
  }

  @Test
  void badJsonStopsTheRunNamingFileAndLine() throws Exception {
    Path file = dir.resolve("data.ndjson");
    Files.writeString(file, "{\"url\": \"http://h/a.jpg\"}\n{\"url\": \"http://h/b.jpg\"\n");

    assertThatThrownBy(() -> read(InputOptions.DEFAULT, "", file))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":2: malformed JSON");
    Files.writeString(file, "{\"url\": \"http://h/a.jpg\"}\n[1]\n");
    assertThatThrownBy(() -> read(InputOptions.DEFAULT, "", file))
        .hasMessage(file + ":2: not a JSON object");
  }

  @Test
  void aJsonlFileWhoseFirstRowLacksTheColumnStops() throws Exception {
    Path file = dir.resolve("data.jsonl");
    Files.writeString(file, "{\"link\": \"http://h/a.jpg\", \"text\": \"t\"}\n");

    assertThatThrownBy(() -> read(InputOptions.DEFAULT, "", file))
        .hasMessage(file + ": no column \"url\" (columns: link, text)");
  }

  @Test
  void aJsonlLineTooLongIsAnInvalidEntryAndTheNextLineIsRead() throws Exception {
    Path file = dir.resolve("data.jsonl");
    Files.writeString(file, "{\"url\": \"http://h/" + "a".repeat(300 * 1024) + "\"}\n"
        + "{\"url\": \"http://h/b.jpg\"}\n");

    List<Entry> entries = read(InputOptions.DEFAULT, "", file);

    assertThat(entries).extracting(Entry::invalidReason)
        .containsExactly("row too long (over 256 KiB)", null);
    assertThat(entries).extracting(Entry::line).containsExactly(1, 2);
  }

  @Test
  void aGzippedListIsReadTransparently() throws Exception {
    Path file = dir.resolve("urls.txt.gz");
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("http://h/a.jpg\n# c\nhttp://h/b.jpg\n".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(read(InputOptions.DEFAULT, "", file)).extracting(Entry::line)
        .containsExactly(1, 3);
  }

  @Test
  void emptyTablesHaveNoEntriesAndNoColumnError() throws Exception {
    Path csv = Files.writeString(dir.resolve("e.csv"), "");
    Path jsonl = Files.writeString(dir.resolve("e.jsonl"), "\n");

    assertThat(read(InputOptions.DEFAULT, "", csv, jsonl)).isEmpty();
  }
}
