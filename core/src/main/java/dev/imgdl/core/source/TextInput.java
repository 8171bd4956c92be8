package dev.imgdl.core.source;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;

/**
 * The text of a table file as its parser reads it: UTF-8, strictly (malformed bytes are an
 * error, not a replacement character), without a leading BOM, and bounded: a row that runs past
 * {@code limit} characters since {@link #rowRead} was last called fails with {@link
 * RowTooLongException} instead of growing the parser's buffers without end. A NUL character is
 * never text: it fails the read with {@link NulException}, naming its line, as soon as it is read.
 */
final class TextInput extends FilterReader {
  private final long limit;
  private long sinceRow;
  /** Line breaks read so far (LF, CR, CRLF), to name the line of a NUL. */
  private long lineBreaks;
  private boolean afterCr;

  TextInput(InputStream in, long limit) throws IOException {
    super(new InputStreamReader(withoutBom(in), StandardCharsets.UTF_8.newDecoder()));
    this.limit = limit;
  }

  /** Starts counting the next row's characters. */
  void rowRead() {
    sinceRow = 0;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      scan((char) c);
    }
    count(c < 0 ? 0 : 1);
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    for (int i = offset; i < offset + n; i++) {
      scan(buffer[i]);
    }
    count(Math.max(n, 0));
    return n;
  }

  private void scan(char c) throws NulException {
    if (c == 0) {
      throw new NulException(lineBreaks + 1);
    }
    if (c == '\n') {
      lineBreaks += afterCr ? 0 : 1;
    } else if (c == '\r') {
      lineBreaks++;
    }
    afterCr = c == '\r';
  }

  private void count(int n) throws RowTooLongException {
    sinceRow += n;
    if (sinceRow > limit) {
      throw new RowTooLongException();
    }
  }

  private static InputStream withoutBom(InputStream in) throws IOException {
    PushbackInputStream pushback = new PushbackInputStream(in, 3);
    byte[] head = new byte[3];
    int n = pushback.readNBytes(head, 0, 3);
    boolean bom = n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF;
    if (!bom && n > 0) {
      pushback.unread(head, 0, n);
    }
    return pushback;
  }

  /** A NUL character, on the given 1-based line. */
  static final class NulException extends IOException {
    final long line;

    NulException(long line) {
      super("NUL byte on line " + line, null);
      this.line = line;
    }
  }

  /** A row longer than the bound. */
  static final class RowTooLongException extends IOException {
    RowTooLongException() {
      super("row too long", null);
    }
  }

}
