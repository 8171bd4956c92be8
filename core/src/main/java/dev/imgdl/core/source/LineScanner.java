package dev.imgdl.core.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines, holding at most {@code limit} bytes of a line: a longer line
 * is cut there and marked {@link #tooLong}, and the rest of it is read past without being kept,
 * so that no input, not even one endless line, can fill the heap. Lines end where {@link
 * java.io.BufferedReader#readLine} ends them, at LF, CR or CRLF; the line break is not part of
 * the line. Reading is by chunks, and the line bytes are overwritten by the next line.
 *
 * <p>A NUL byte is never text: the line ends at it, marked {@link #nul}, as soon as it is read,
 * so that an endless input without line breaks ({@code /dev/zero}) ends there too. The caller
 * is expected to stop; a next line would start after the NUL.
 */
public final class LineScanner {
  /**
   * The most bytes a line (or a table row) may have, line break excluded: a few hundred KiB is
   * generous for a URL (browsers and servers stop far below), and small enough to hold once per
   * input.
   */
  public static final int MAX_LINE_BYTES = 256 * 1024;

  /** What a line or row holding a NUL byte is: never a URL, nor any text. */
  public static final String NUL = "holds a NUL byte (not text)";

  private static final int CHUNK = 64 * 1024;

  private final InputStream in;
  private final byte[] chunk = new byte[CHUNK];
  private final byte[] line;
  private int position;
  private int end;
  private int length;
  private boolean tooLong;
  private boolean nul;
  private boolean lfEndsPreviousLine;

  public LineScanner(InputStream in, int limit) {
    this.in = in;
    this.line = new byte[limit];
  }

  /** Reads the next line; false at the end of the input. */
  public boolean next() throws IOException {
    length = 0;
    tooLong = false;
    nul = false;
    boolean started = false;
    while (position < end || fill()) {
      if (lfEndsPreviousLine) {
        lfEndsPreviousLine = false;
        if (chunk[position] == '\n') {
          position++;
          continue;
        }
      }
      started = true;
      int at = position;
      while (at < end && chunk[at] != '\n' && chunk[at] != '\r' && chunk[at] != 0) {
        at++;
      }
      keep(position, at);
      if (at < end) {
        nul = chunk[at] == 0;
        lfEndsPreviousLine = chunk[at] == '\r';
        position = at + 1;
        return true;
      }
      position = end;
    }
    return started;
  }

  /** The bytes of the line, valid up to {@link #length}, until the next call to next. */
  public byte[] bytes() {
    return line;
  }

  /** How many bytes of the line are kept: all of them, or the limit when it is too long. */
  public int length() {
    return length;
  }

  /** Whether the line was ended by a NUL byte, which is not text. */
  public boolean nul() {
    return nul;
  }

  /** Whether the line had more bytes than the limit. */
  public boolean tooLong() {
    return tooLong;
  }

  private void keep(int from, int to) {
    int n = Math.min(to - from, line.length - length);
    tooLong |= n < to - from;
    System.arraycopy(chunk, from, line, length, n);
    length += n;
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(chunk);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    position = 0;
    end = n;
    return true;
  }
}
