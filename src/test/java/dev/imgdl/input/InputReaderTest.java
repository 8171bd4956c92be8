package dev.imgdl.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputReaderTest {
  @TempDir Path dir;

  private List<Entry> read(List<String> inputs, String stdin) {
    List<Entry> entries = new ArrayList<>();
    new InputReader(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
        .read(inputs, entries::add);
    return entries;
  }

  @Test
  void skipsBlankAndCommentLinesAndKeepsLineNumbers() throws Exception {
    Path file = dir.resolve("list.txt");
    Files.writeString(file, "# comment\n\n  http://a/1.jpg  \n\t\n   # indented comment\nx\n");
    List<Entry> entries = read(List.of(file.toString()), "");
    assertThat(entries)
        .containsExactly(
            new Entry(0, file.toString(), 3, "http://a/1.jpg"),
            new Entry(1, file.toString(), 6, "x"));
  }

  @Test
  void handlesCrlfAndByteOrderMark() throws Exception {
    Path file = dir.resolve("win.txt");
    String text = "\uFEFFhttp://a/1.jpg\r\nhttp://a/2.jpg\r\n";
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    List<Entry> entries = read(List.of(file.toString()), "");
    assertThat(entries).extracting(Entry::url).containsExactly("http://a/1.jpg", "http://a/2.jpg");
    assertThat(entries).extracting(Entry::line).containsExactly(1, 2);
  }

  @Test
  void readsStandardInputAsStdinAndNumbersAcrossFiles() throws Exception {
    Path file = dir.resolve("a.txt");
    Files.writeString(file, "http://a/1.jpg\n");
    List<Entry> entries = read(List.of(file.toString(), "-"), "\nhttp://b/2.jpg\n");
    assertThat(entries)
        .containsExactly(
            new Entry(0, file.toString(), 1, "http://a/1.jpg"),
            new Entry(1, "<stdin>", 2, "http://b/2.jpg"));
  }

  @Test
  void invalidUtf8NamesTheFileAndLine() throws Exception {
    Path file = dir.resolve("bad.txt");
    Files.write(file, new byte[] {'o', 'k', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
    assertThatThrownBy(() -> read(List.of(file.toString()), ""))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("bad.txt:2")
        .hasMessageContaining("UTF-8");
  }

  @Test
  void missingFileIsReportedBeforeReading() {
    String missing = dir.resolve("nope.txt").toString();
    assertThatThrownBy(() -> new InputReader(System.in).checkReadable(List.of(missing)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("nope.txt");
  }
}
