package dev.imgdl.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import dev.imgdl.core.source.InputException;
import dev.imgdl.core.source.InputFormat;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tables stream: rows reach the planner while the input is read, and no row grows unbounded. */
class TableStreamingTest {
  private static final int ROWS = 200_000;

  /** A table of {@link #ROWS} rows made on the fly, counting the bytes handed out. */
  private static final class GeneratedTable extends InputStream {
    private final InputFormat format;
    private byte[] pending;
    private int at;
    private int row;
    /** Bytes of the input up to the end of each row (index 0: the header). */
    final long[] rowEnds = new long[ROWS + 1];
    private long made;
    long handedOut;

    GeneratedTable(InputFormat format) {
      this.format = format;
      this.pending = (format == InputFormat.JSONL ? "" : format == InputFormat.TSV
          ? "url\tcaption\n" : "url,caption\n").getBytes(StandardCharsets.US_ASCII);
      made = pending.length;
      rowEnds[0] = made;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (at == pending.length) {
        if (row == ROWS) {
          return -1;
        }
        row++;
        String url = "http://h/" + row + ".jpg";
        String line = switch (format) {
          case JSONL -> "{\"url\": \"" + url + "\", \"caption\": \"row " + row + "\"}\n";
          case TSV -> url + "\trow " + row + "\n";
          default -> url + ",\"row\n" + row + "\"\n";
        };
        pending = line.getBytes(StandardCharsets.US_ASCII);
        made += pending.length;
        rowEnds[row] = made;
        at = 0;
      }
      int n = Math.min(len, pending.length - at);
      System.arraycopy(pending, at, b, off, n);
      at += n;
      handedOut += n;
      return n;
    }
  }

  @ParameterizedTest
  @EnumSource(value = InputFormat.class, names = {"CSV", "TSV", "JSONL"})
  void rowsArriveWhileTheInputIsReadNeverFarBehindIt(InputFormat format) {
    GeneratedTable table = new GeneratedTable(format);
    int[] entries = {0};
    long[] mostAhead = {0};

    new InputReader(table, new InputOptions(format, "url", "caption", List.of(), null))
        .read(List.of("-"), entry -> {
          entries[0]++;
          mostAhead[0] =
              Math.max(mostAhead[0], table.handedOut - table.rowEnds[entries[0]]);
        });

    assertThat(entries[0]).isEqualTo(ROWS);
    // When an entry arrives, the reader has taken at most its buffers' worth of input past that
    // row (64 KiB and a few 8 KiB ones), never the whole input (some 7 MB).
    assertThat(mostAhead[0]).as("bytes read ahead of the entries").isLessThan(128 * 1024);
    assertThat(table.handedOut).isEqualTo(table.rowEnds[ROWS]);
  }

  @ParameterizedTest
  @EnumSource(value = InputFormat.class, names = {"CSV", "TSV"})
  void anEndlessQuotedFieldStopsTheReadWithoutHoldingIt(InputFormat format) {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported()
        && threads.isThreadAllocatedMemoryEnabled());
    InputStream endless = new InputStream() {
      private final byte[] head = "url\n\"http://h/".getBytes(StandardCharsets.US_ASCII);
      private int at;

      @Override
      public int read() {
        return at < head.length ? head[at++] : 'a';
      }
    };
    InputReader reader =
        new InputReader(endless, new InputOptions(format, "url", null, List.of(), null));

    long before = threads.getCurrentThreadAllocatedBytes();
    assertThatThrownBy(() -> reader.read(List.of("-"), e -> { }))
        .isInstanceOf(InputException.class)
        .hasMessage("<stdin>:2: row too long (over 256 KiB)");
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    // The parser's buffer doubles as the field grows: a few MiB for 320 KiB, not unbounded.
    assertThat(allocated).as("bytes allocated").isLessThan(32L << 20);
  }
}
