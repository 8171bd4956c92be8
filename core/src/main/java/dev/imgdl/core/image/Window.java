package dev.imgdl.core.image;

/**
 * A run of a body's bytes at a known position, as a header reader asked for them: reads of a few
 * bytes at absolute positions, in either byte order. A read outside the window (past the end of
 * a short body, or before what was asked for) gives fewer bytes, and numbers readers see as
 * missing ({@code -1}).
 */
final class Window {
  private final long at;
  private final byte[] bytes;
  private final int length;

  Window(long at, byte[] bytes, int length) {
    this.at = at;
    this.bytes = bytes;
    this.length = length;
  }

  /** Up to {@code count} bytes from {@code from}; fewer at the end of the window. */
  byte[] read(long from, int count) {
    if (from < at || from >= at + length) {
      return new byte[0];
    }
    int start = (int) (from - at);
    byte[] copy = new byte[Math.min(count, length - start)];
    System.arraycopy(bytes, start, copy, 0, copy.length);
    return copy;
  }

  /** An unsigned number of {@code width} bytes at {@code from}, or -1 outside the window. */
  long unsigned(long from, int width, boolean bigEndian) {
    if (from < at || from + width > at + length) {
      return -1;
    }
    int start = (int) (from - at);
    long value = 0;
    for (int i = 0; i < width; i++) {
      int shift = bigEndian ? 8 * (width - 1 - i) : 8 * i;
      value |= (long) (bytes[start + i] & 0xFF) << shift;
    }
    return value;
  }

  long be(long from, int width) {
    return unsigned(from, width, true);
  }

  long le(long from, int width) {
    return unsigned(from, width, false);
  }
}
