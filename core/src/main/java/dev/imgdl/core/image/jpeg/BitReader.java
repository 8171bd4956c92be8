package dev.imgdl.core.image.jpeg;

/**
 * The entropy-coded bits of one scan, read through a 64-bit buffer refilled a byte at a time:
 * a stuffed {@code 0xFF00} is one {@code 0xFF}; a marker (or the end of the file) stops the
 * reading and feeds zero bits, as libjpeg does, and counts them, so that a scan that needs more
 * bits than it has is found at its next check ({@link #overran}) instead of decoding garbage.
 */
final class BitReader {
  private final byte[] data;
  private int pos;
  private long bits;
  private int count;
  private int padded;
  private boolean atMarker;

  BitReader(byte[] data, int pos) {
    this.data = data;
    this.pos = pos;
  }

  /** Where the next marker starts (meaningful once a scan or interval is over). */
  int position() {
    return pos;
  }

  private void fill() {
    while (count <= 56) {
      int b = 0;
      if (!atMarker && pos < data.length) {
        b = data[pos] & 0xFF;
        if (b != 0xFF) {
          pos++;
        } else if (pos + 1 < data.length && data[pos + 1] == 0) {
          pos += 2;
        } else {
          atMarker = true;
          b = 0;
        }
      } else {
        atMarker = true;
      }
      if (atMarker) {
        padded++;
      }
      bits = bits << 8 | b;
      count += 8;
    }
  }

  /** The next Huffman-coded symbol; leaves at least 16 bits for {@link #receive}. */
  int decode(HuffmanTable table) throws JpegException {
    if (count < 32) {
      fill();
    }
    int entry = table.lookup[(int) (bits >>> (count - HuffmanTable.LOOKUP_BITS))
        & ((1 << HuffmanTable.LOOKUP_BITS) - 1)];
    if (entry == 0) {
      entry = table.slowSymbol((int) (bits >>> (count - 16)) & 0xFFFF);
      if (entry < 0) {
        throw new JpegException("bad Huffman code");
      }
    }
    count -= entry >>> 8;
    return entry & 0xFF;
  }

  /**
   * The next AC coefficient, {@code value << 16 | run << 8 | bits}, when its code and extra bits
   * fit in the table's look-up (and then taken); 0, nothing taken, when they do not.
   */
  int coefficient(HuffmanTable table) {
    if (count < 32) {
      fill();
    }
    int entry = table.coefficients[(int) (bits >>> (count - HuffmanTable.LOOKUP_BITS))
        & ((1 << HuffmanTable.LOOKUP_BITS) - 1)];
    count -= entry & 0xFF;
    return entry;
  }

  /** The next {@code s} bits (s at most 16, after {@link #decode}) as a signed value. */
  int receive(int s) {
    if (s == 0) {
      return 0;
    }
    count -= s;
    int v = (int) (bits >>> count) & ((1 << s) - 1);
    return v < 1 << (s - 1) ? v - (1 << s) + 1 : v;
  }

  /** The next {@code n} bits (at most 16) as an unsigned value. */
  int bits(int n) {
    if (count < 16) {
      fill();
    }
    count -= n;
    return (int) (bits >>> count) & ((1 << n) - 1);
  }

  /** Whether more bits were taken than the data has: truncated or corrupt. */
  boolean overran() {
    return count < 8 * padded;
  }

  /**
   * Ends a restart interval or the scan: every bit of it taken but the padding of its last
   * byte, and the next thing a marker. Returns the position of that marker.
   */
  int finish() throws JpegException {
    if (!atMarker) {
      fill();
    }
    int left = count - 8 * padded;
    if (left < 0) {
      throw new JpegException("premature end of data");
    }
    if (left >= 8) {
      throw new JpegException("extraneous bytes in the entropy data");
    }
    bits = 0;
    count = 0;
    padded = 0;
    atMarker = false;
    return pos;
  }

  /** After {@link #finish}: goes on after the marker that ends at {@code next}. */
  void resume(int next) {
    pos = next;
  }
}
