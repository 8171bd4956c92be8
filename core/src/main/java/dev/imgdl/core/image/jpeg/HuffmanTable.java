package dev.imgdl.core.image.jpeg;

/**
 * One Huffman table of a DHT segment, as libjpeg's {@code jpeg_make_d_derived_tbl} builds it:
 * codes of up to {@link #LOOKUP_BITS} bits are found in one look-up of that many bits ({@code
 * length << 8 | symbol}, 0 for a longer code), longer ones by comparing against the largest code
 * of each length. For an AC table, {@link #coefficients} holds in the same look-up the common
 * case whole: a run and a coefficient whose code and extra bits fit in those bits.
 */
final class HuffmanTable {
  static final int LOOKUP_BITS = 9;

  final int[] lookup = new int[1 << LOOKUP_BITS];
  final int[] maxCode = new int[17];
  final int[] firstIndex = new int[17];
  final int[] firstCode = new int[17];
  final int[] symbols;
  /** {@code value << 16 | run << 8 | bits taken}, or 0: see {@link BitReader#coefficient}. */
  final int[] coefficients = new int[1 << LOOKUP_BITS];

  /**
   * @param counts the number of codes of each length 1..16 (index 0 unused)
   * @param symbols the symbols in code order
   * @param dc a DC table, whose symbols (magnitude categories) must be at most 15
   */
  HuffmanTable(int[] counts, int[] symbols, boolean dc) throws JpegException {
    this.symbols = symbols;
    int code = 0;
    int index = 0;
    for (int length = 1; length <= 16; length++) {
      firstIndex[length] = index;
      firstCode[length] = code;
      for (int i = 0; i < counts[length]; i++, code++, index++) {
        if (dc && symbols[index] > 15) {
          throw new JpegException("bad Huffman table");
        }
        if (length <= LOOKUP_BITS) {
          int shift = LOOKUP_BITS - length;
          for (int j = code << shift, end = (code + 1) << shift; j < end; j++) {
            lookup[j] = length << 8 | symbols[index];
            coefficients[j] = dc ? 0 : coefficient(symbols[index], length, j);
          }
        }
      }
      maxCode[length] = counts[length] > 0 ? code - 1 : -1;
      if (code >= 1 << length) {
        // libjpeg refuses a table whose codes overflow their length or use the all-ones code.
        throw new JpegException("bad Huffman table");
      }
      code <<= 1;
    }
  }

  /** The whole coefficient that the look-up bits {@code j} start with, or 0. */
  private static int coefficient(int symbol, int length, int j) {
    int run = symbol >> 4;
    int size = symbol & 15;
    if (size == 0 || length + size > LOOKUP_BITS) {
      return 0;
    }
    int bits = j >> (LOOKUP_BITS - length - size) & ((1 << size) - 1);
    int value = bits < 1 << (size - 1) ? bits - (1 << size) + 1 : bits;
    return value << 16 | run << 8 | (length + size);
  }

  /** The symbol of a code longer than the look-up, given the next 16 bits; -1 for none. */
  int slowSymbol(int next16) {
    for (int length = LOOKUP_BITS + 1; length <= 16; length++) {
      int code = next16 >>> (16 - length);
      if (code <= maxCode[length]) {
        return length << 8 | symbols[firstIndex[length] + code - firstCode[length]];
      }
    }
    return -1;
  }
}
