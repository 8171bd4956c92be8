package dev.imgdl.core.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Random reads of a few bytes at a time from an open file, in either byte order; a read past the
 * end gives fewer bytes, and the number readers then see as missing ({@code -1}).
 */
final class FileBytes {
  private final FileChannel channel;
  private final long size;

  FileBytes(FileChannel channel) throws IOException {
    this.channel = channel;
    this.size = channel.size();
  }

  long size() {
    return size;
  }

  /** Up to {@code length} bytes from {@code at}; fewer at the end of the file. */
  byte[] read(long at, int length) throws IOException {
    if (at < 0 || at >= size) {
      return new byte[0];
    }
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, size - at));
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, at + buffer.position()) < 0) {
        break;
      }
    }
    byte[] bytes = new byte[buffer.position()];
    buffer.flip().get(bytes);
    return bytes;
  }

  /** An unsigned number of {@code width} bytes at {@code at}, or -1 past the end. */
  long unsigned(long at, int width, boolean bigEndian) throws IOException {
    byte[] b = read(at, width);
    if (b.length < width) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < width; i++) {
      int shift = bigEndian ? 8 * (width - 1 - i) : 8 * i;
      value |= (long) (b[i] & 0xFF) << shift;
    }
    return value;
  }

  long be(long at, int width) throws IOException {
    return unsigned(at, width, true);
  }

  long le(long at, int width) throws IOException {
    return unsigned(at, width, false);
  }
}
