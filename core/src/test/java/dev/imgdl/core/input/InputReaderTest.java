package dev.imgdl.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import dev.imgdl.core.source.InputException;
import dev.imgdl.core.source.LineScanner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
            Entry.of(0, file.toString(), 3, "http://a/1.jpg"),
            Entry.of(1, file.toString(), 6, "x"));
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
            Entry.of(0, file.toString(), 1, "http://a/1.jpg"),
            Entry.of(1, "<stdin>", 2, "http://b/2.jpg"));
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
  void aValidReplacementCharacterIsACharacterLikeAnyOther() throws Exception {
    Path file = dir.resolve("list.txt");
    Files.write(file, "http://a/\uFFFD.jpg\n".getBytes(StandardCharsets.UTF_8));
    List<Entry> entries = read(List.of(file.toString()), "");
    assertThat(entries).containsExactly(Entry.of(0, file.toString(), 1, "http://a/\uFFFD.jpg"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"80", "FF", "C0AF", "E282", "EDA080", "F4908080", "E2"})
  void malformedUtf8StopsTheRunNamingTheFileAndLine(String hex) throws Exception {
    Path file = dir.resolve("bad.txt");
    byte[] bad = HexFormat.of().parseHex(hex);
    Files.write(file, concat("ok\nhttp://a/".getBytes(StandardCharsets.US_ASCII), bad,
        "x.jpg\n".getBytes(StandardCharsets.US_ASCII)));
    assertThatThrownBy(() -> read(List.of(file.toString()), ""))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ":2: not valid UTF-8");
  }

  @Test
  void aSequenceCutOffByTheEndOfTheFileIsMalformed() throws Exception {
    Path file = dir.resolve("cut.txt");
    Files.write(file, new byte[] {'o', 'k', '\n', 'x', (byte) 0xE2, (byte) 0x82});
    assertThatThrownBy(() -> read(List.of(file.toString()), ""))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ":2: not valid UTF-8");
  }

  @Test
  void aLoneCarriageReturnEndsALineAsCrlfAndLfDo() throws Exception {
    Path file = dir.resolve("mac.txt");
    Files.writeString(file, "http://a/1.jpg\rhttp://a/2.jpg\r\n\rhttp://a/3.jpg\n\nx");
    List<Entry> entries = read(List.of(file.toString()), "");
    assertThat(entries).extracting(Entry::url)
        .containsExactly("http://a/1.jpg", "http://a/2.jpg", "http://a/3.jpg", "x");
    assertThat(entries).extracting(Entry::line).containsExactly(1, 2, 4, 6);
  }

  @Test
  void linesThatArriveOneByteAtATimeKeepTheirBreaksAndNumbers() {
    byte[] text = "\uFEFFhttp://a/1.jpg\r\n\r\n# note\r\nhttp://a/\u00E9.jpg\r\n"
        .getBytes(StandardCharsets.UTF_8);
    List<Entry> entries = new ArrayList<>();
    new InputReader(new Trickle(text)).read(List.of("-"), entries::add);
    assertThat(entries).containsExactly(
        Entry.of(0, "<stdin>", 1, "http://a/1.jpg"),
        Entry.of(1, "<stdin>", 4, "http://a/\u00E9.jpg"));
  }

  @Test
  void aLineOfSeveralMegabytesIsOneInvalidEntryWithAShortUrl() throws Exception {
    Path file = dir.resolve("long.txt");
    String huge = "  http://a/" + "\u00E9".repeat(3 << 20);
    Files.writeString(file, "# list\n" + huge + "\nhttp://a/next.jpg\n");

    List<Entry> entries = read(List.of(file.toString()), "");

    String shown = "http://a/" + "\u00E9".repeat(InputReader.SHOWN_CHARS - 9) + "\u2026";
    assertThat(entries).containsExactly(
        Entry.builder(0, file.toString(), 2, shown).invalid("line too long (over 256 KiB)")
            .build(),
        Entry.of(1, file.toString(), 3, "http://a/next.jpg"));
  }

  @Test
  void aLineTooLongShowsNoPassword() {
    String tail = "a".repeat(LineScanner.MAX_LINE_BYTES);
    List<Entry> entries = read(List.of("-"), "http://me:secret@h/" + tail + "\n"
        + "https://me:" + tail + "@h/x.jpg\n");
    assertThat(entries).extracting(Entry::url).containsExactly(
        "http://***@h/" + "a".repeat(200 - 13) + "\u2026", "https://\u2026");
  }

  @Test
  void aLineOfExactlyTheBoundIsAnOrdinaryLine() {
    String fits = "x".repeat(LineScanner.MAX_LINE_BYTES);
    List<Entry> entries = read(List.of("-"), fits + "\r\n" + fits + "y\r\n");
    assertThat(entries).extracting(Entry::url).containsExactly(fits, "x".repeat(200) + "\u2026");
    assertThat(entries).extracting(Entry::invalidReason)
        .containsExactly(null, "line too long (over 256 KiB)");
  }

  @Test
  void aCommentLongerThanTheBoundIsStillAComment() {
    List<Entry> entries =
        read(List.of("-"), " # " + "x".repeat(LineScanner.MAX_LINE_BYTES) + "\nhttp://a/b.jpg\n");
    assertThat(entries).containsExactly(Entry.of(0, "<stdin>", 2, "http://a/b.jpg"));
  }

  @Test
  void anEndlessLineIsReadWithoutHoldingIt() {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported()
        && threads.isThreadAllocatedMemoryEnabled());
    long lineBytes = 64L << 20;
    InputStream input = new Generated(lineBytes, "\nhttp://a/after.jpg\n");
    List<Entry> entries = new ArrayList<>();

    long before = threads.getCurrentThreadAllocatedBytes();
    new InputReader(input).read(List.of("-"), entries::add);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(entries).extracting(Entry::line).containsExactly(1, 2);
    assertThat(entries.get(0).url()).isEqualTo("a".repeat(200) + "\u2026");
    assertThat(entries.get(1).url()).isEqualTo("http://a/after.jpg");
    // Reading a 64 MiB line whole would allocate far more than the line itself.
    assertThat(allocated).as("bytes allocated").isLessThan(8L << 20);
  }

  @Test
  void missingFileIsReportedBeforeReading() {
    String missing = dir.resolve("nope.txt").toString();
    assertThatThrownBy(() -> new InputReader(System.in).check(List.of(missing)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("nope.txt");
  }

  @Test
  void checkReadsARegularFileToItsEndAndNamesTheLineThatIsNotUtf8() throws Exception {
    Path list = dir.resolve("list.txt");
    Files.write(list, concat("http://a/1.png\nhttp://a/2.png\n".getBytes(StandardCharsets.UTF_8),
        new byte[] {'h', 't', (byte) 0xff, '\n'}, "http://a/4.png\n".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> new InputReader(System.in).check(List.of(list.toString())))
        .isInstanceOf(InputException.class)
        .hasMessage(list + ":3: not valid UTF-8");
  }

  @Test
  void checkPassesAGoodFileAndLeavesStandardInputUnread() throws Exception {
    Path list = dir.resolve("list.txt");
    Files.writeString(list, "http://a/1.png\n# comment\n");
    ByteArrayInputStream stdin = new ByteArrayInputStream(new byte[] {(byte) 0xff, '\n'});

    new InputReader(stdin).check(List.of(list.toString(), "-"));

    assertThat(stdin.available()).isEqualTo(2);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** Hands out its bytes one at a time, as a slow pipe may. */
  private static final class Trickle extends InputStream {
    private final byte[] bytes;
    private int at;

    Trickle(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      return at < bytes.length ? bytes[at++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      int c = read();
      if (c == -1) {
        return -1;
      }
      b[off] = (byte) c;
      return 1;
    }
  }

  /** {@code length} bytes of {@code a}, made as they are read, then {@code tail}. */
  private static final class Generated extends InputStream {
    private final byte[] tail;
    private long remaining;
    private int tailAt;

    Generated(long length, String tail) {
      this.remaining = length;
      this.tail = tail.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (remaining > 0) {
        int n = (int) Math.min(len, remaining);
        Arrays.fill(b, off, off + n, (byte) 'a');
        remaining -= n;
        return n;
      }
      if (tailAt == tail.length) {
        return -1;
      }
      int n = Math.min(len, tail.length - tailAt);
      System.arraycopy(tail, tailAt, b, off, n);
      tailAt += n;
      return n;
    }
  }
}
