package dev.imgdl.core.image.jpeg;

/**
 * libjpeg 6b's integer inverse DCTs, to the bit: {@code jpeg_idct_islow} (jidctint.c, the JDK's
 * default) for 8×8 samples a block and {@code jpeg_idct_4x4}, {@code _2x2}, {@code _1x1}
 * (jidctred.c) for a decode at 1/2, 1/4, 1/8. Each dequantizes as it goes and clamps through
 * libjpeg's range-limit table, whose wrap-around ({@code & 1023}) is kept so that corrupt
 * coefficients give the same bytes. One instance per decode: it holds the work array.
 */
final class Idct {
  private static final int CONST_BITS = 13;
  private static final int PASS1_BITS = 2;
  private static final byte[] LIMIT = limitTable();

  private final int[] ws = new int[64];

  /** libjpeg's {@code IDCT_range_limit}: x + 128 clamped to 0..255, for x read as 10-bit. */
  private static byte[] limitTable() {
    byte[] table = new byte[1024];
    for (int i = 0; i < 1024; i++) {
      int x = i < 512 ? i : i - 1024;
      table[i] = (byte) Math.max(0, Math.min(255, x + 128));
    }
    return table;
  }

  private static byte limit(int x) {
    return LIMIT[x & 1023];
  }

  /**
   * The one sample of a block whose coefficients but the DC are zero, at any size: each IDCT's
   * zero shortcuts come to {@code (dc * q * 4 + 16) >> 5}, which is {@code (dc * q + 4) >> 3}.
   */
  static byte dcSample(int dc, int q) {
    return limit((dc * q + 4) >> 3);
  }

  /** One block at its scaled size {@code size} (8, 4, 2 or 1) into {@code out}. */
  void block(int size, short[] c, int at, int[] q, byte[] out, int pos, int stride) {
    switch (size) {
      case 8 -> islow(c, at, q, out, pos, stride);
      case 4 -> idct4(c, at, q, out, pos, stride);
      case 2 -> idct2(c, at, q, out, pos, stride);
      default -> out[pos] = limit((c[at] * q[0] + 4) >> 3);
    }
  }

  private void islow(short[] c, int at, int[] q, byte[] out, int pos, int stride) {
    int[] ws = this.ws;
    for (int col = 0; col < 8; col++) {
      int i = at + col;
      if (c[i + 8] == 0 && c[i + 16] == 0 && c[i + 24] == 0 && c[i + 32] == 0
          && c[i + 40] == 0 && c[i + 48] == 0 && c[i + 56] == 0) {
        int dc = c[i] * q[col] << PASS1_BITS;
        for (int r = 0; r < 64; r += 8) {
          ws[col + r] = dc;
        }
        continue;
      }
      int z2 = c[i + 16] * q[col + 16];
      int z3 = c[i + 48] * q[col + 48];
      int z1 = (z2 + z3) * 4433;
      int tmp2 = z1 + z3 * -15137;
      int tmp3 = z1 + z2 * 6270;
      z2 = c[i] * q[col];
      z3 = c[i + 32] * q[col + 32];
      int tmp0 = (z2 + z3) << CONST_BITS;
      int tmp1 = (z2 - z3) << CONST_BITS;
      int tmp10 = tmp0 + tmp3;
      int tmp13 = tmp0 - tmp3;
      int tmp11 = tmp1 + tmp2;
      int tmp12 = tmp1 - tmp2;
      tmp0 = c[i + 56] * q[col + 56];
      tmp1 = c[i + 40] * q[col + 40];
      tmp2 = c[i + 24] * q[col + 24];
      tmp3 = c[i + 8] * q[col + 8];
      int shift = CONST_BITS - PASS1_BITS;
      int round = 1 << (shift - 1);
      z1 = tmp0 + tmp3;
      z2 = tmp1 + tmp2;
      z3 = tmp0 + tmp2;
      int z4 = tmp1 + tmp3;
      int z5 = (z3 + z4) * 9633;
      z1 *= -7373;
      z2 *= -20995;
      z3 = z3 * -16069 + z5;
      z4 = z4 * -3196 + z5;
      int o0 = tmp0 * 2446 + z1 + z3;
      int o1 = tmp1 * 16819 + z2 + z4;
      int o2 = tmp2 * 25172 + z2 + z3;
      int o3 = tmp3 * 12299 + z1 + z4;
      ws[col] = (tmp10 + o3 + round) >> shift;
      ws[col + 56] = (tmp10 - o3 + round) >> shift;
      ws[col + 8] = (tmp11 + o2 + round) >> shift;
      ws[col + 48] = (tmp11 - o2 + round) >> shift;
      ws[col + 16] = (tmp12 + o1 + round) >> shift;
      ws[col + 40] = (tmp12 - o1 + round) >> shift;
      ws[col + 24] = (tmp13 + o0 + round) >> shift;
      ws[col + 32] = (tmp13 - o0 + round) >> shift;
    }
    int shift = CONST_BITS + PASS1_BITS + 3;
    int round = 1 << (shift - 1);
    for (int r = 0; r < 64; r += 8, pos += stride) {
      if (ws[r + 1] == 0 && ws[r + 2] == 0 && ws[r + 3] == 0 && ws[r + 4] == 0
          && ws[r + 5] == 0 && ws[r + 6] == 0 && ws[r + 7] == 0) {
        byte dc = limit((ws[r] + (1 << (PASS1_BITS + 2))) >> (PASS1_BITS + 3));
        for (int x = 0; x < 8; x++) {
          out[pos + x] = dc;
        }
        continue;
      }
      int z2 = ws[r + 2];
      int z3 = ws[r + 6];
      int z1 = (z2 + z3) * 4433;
      int tmp2 = z1 + z3 * -15137;
      int tmp3 = z1 + z2 * 6270;
      int tmp0 = (ws[r] + ws[r + 4]) << CONST_BITS;
      int tmp1 = (ws[r] - ws[r + 4]) << CONST_BITS;
      int tmp10 = tmp0 + tmp3;
      int tmp13 = tmp0 - tmp3;
      int tmp11 = tmp1 + tmp2;
      int tmp12 = tmp1 - tmp2;
      tmp0 = ws[r + 7];
      tmp1 = ws[r + 5];
      tmp2 = ws[r + 3];
      tmp3 = ws[r + 1];
      z1 = tmp0 + tmp3;
      z2 = tmp1 + tmp2;
      z3 = tmp0 + tmp2;
      int z4 = tmp1 + tmp3;
      int z5 = (z3 + z4) * 9633;
      z1 *= -7373;
      z2 *= -20995;
      z3 = z3 * -16069 + z5;
      z4 = z4 * -3196 + z5;
      int o0 = tmp0 * 2446 + z1 + z3;
      int o1 = tmp1 * 16819 + z2 + z4;
      int o2 = tmp2 * 25172 + z2 + z3;
      int o3 = tmp3 * 12299 + z1 + z4;
      out[pos] = limit((tmp10 + o3 + round) >> shift);
      out[pos + 7] = limit((tmp10 - o3 + round) >> shift);
      out[pos + 1] = limit((tmp11 + o2 + round) >> shift);
      out[pos + 6] = limit((tmp11 - o2 + round) >> shift);
      out[pos + 2] = limit((tmp12 + o1 + round) >> shift);
      out[pos + 5] = limit((tmp12 - o1 + round) >> shift);
      out[pos + 3] = limit((tmp13 + o0 + round) >> shift);
      out[pos + 4] = limit((tmp13 - o0 + round) >> shift);
    }
  }

  private int o0;
  private int o2;

  private void idct4(short[] c, int at, int[] q, byte[] out, int pos, int stride) {
    int[] ws = this.ws;
    for (int col = 0; col < 8; col++) {
      if (col == 4) {
        continue;
      }
      int i = at + col;
      if (c[i + 8] == 0 && c[i + 16] == 0 && c[i + 24] == 0 && c[i + 40] == 0
          && c[i + 48] == 0 && c[i + 56] == 0) {
        int dc = c[i] * q[col] << PASS1_BITS;
        ws[col] = dc;
        ws[col + 8] = dc;
        ws[col + 16] = dc;
        ws[col + 24] = dc;
        continue;
      }
      int tmp0 = c[i] * q[col] << (CONST_BITS + 1);
      int tmp2 = c[i + 16] * q[col + 16] * 15137 + c[i + 48] * q[col + 48] * -6270;
      int tmp10 = tmp0 + tmp2;
      int tmp12 = tmp0 - tmp2;
      odd4(c[i + 56] * q[col + 56], c[i + 40] * q[col + 40], c[i + 24] * q[col + 24],
          c[i + 8] * q[col + 8]);
      int shift = CONST_BITS - PASS1_BITS + 1;
      int round = 1 << (shift - 1);
      ws[col] = (tmp10 + o2 + round) >> shift;
      ws[col + 24] = (tmp10 - o2 + round) >> shift;
      ws[col + 8] = (tmp12 + o0 + round) >> shift;
      ws[col + 16] = (tmp12 - o0 + round) >> shift;
    }
    int shift = CONST_BITS + PASS1_BITS + 3 + 1;
    int round = 1 << (shift - 1);
    for (int r = 0; r < 32; r += 8, pos += stride) {
      if (ws[r + 1] == 0 && ws[r + 2] == 0 && ws[r + 3] == 0 && ws[r + 5] == 0
          && ws[r + 6] == 0 && ws[r + 7] == 0) {
        byte dc = limit((ws[r] + (1 << (PASS1_BITS + 2))) >> (PASS1_BITS + 3));
        out[pos] = dc;
        out[pos + 1] = dc;
        out[pos + 2] = dc;
        out[pos + 3] = dc;
        continue;
      }
      int tmp0 = ws[r] << (CONST_BITS + 1);
      int tmp2 = ws[r + 2] * 15137 + ws[r + 6] * -6270;
      int tmp10 = tmp0 + tmp2;
      int tmp12 = tmp0 - tmp2;
      odd4(ws[r + 7], ws[r + 5], ws[r + 3], ws[r + 1]);
      out[pos] = limit((tmp10 + o2 + round) >> shift);
      out[pos + 3] = limit((tmp10 - o2 + round) >> shift);
      out[pos + 1] = limit((tmp12 + o0 + round) >> shift);
      out[pos + 2] = limit((tmp12 - o0 + round) >> shift);
    }
  }

  /** The odd part of jidctred.c's 4×4, from the inputs 7, 5, 3, 1 into o0 and o2. */
  private void odd4(int z1, int z2, int z3, int z4) {
    o0 = z1 * -1730 + z2 * 11893 + z3 * -17799 + z4 * 8697;
    o2 = z1 * -4176 + z2 * -4926 + z3 * 7373 + z4 * 20995;
  }

  private void idct2(short[] c, int at, int[] q, byte[] out, int pos, int stride) {
    int[] ws = this.ws;
    for (int col = 0; col < 8; col += col == 0 ? 1 : 2) {
      int i = at + col;
      if (c[i + 8] == 0 && c[i + 24] == 0 && c[i + 40] == 0 && c[i + 56] == 0) {
        int dc = c[i] * q[col] << PASS1_BITS;
        ws[col] = dc;
        ws[col + 8] = dc;
        continue;
      }
      int tmp10 = c[i] * q[col] << (CONST_BITS + 2);
      int tmp0 = odd2(c[i + 56] * q[col + 56], c[i + 40] * q[col + 40],
          c[i + 24] * q[col + 24], c[i + 8] * q[col + 8]);
      int shift = CONST_BITS - PASS1_BITS + 2;
      int round = 1 << (shift - 1);
      ws[col] = (tmp10 + tmp0 + round) >> shift;
      ws[col + 8] = (tmp10 - tmp0 + round) >> shift;
    }
    int shift = CONST_BITS + PASS1_BITS + 3 + 2;
    int round = 1 << (shift - 1);
    for (int r = 0; r < 16; r += 8, pos += stride) {
      int tmp10 = ws[r] << (CONST_BITS + 2);
      int tmp0 = odd2(ws[r + 7], ws[r + 5], ws[r + 3], ws[r + 1]);
      out[pos] = limit((tmp10 + tmp0 + round) >> shift);
      out[pos + 1] = limit((tmp10 - tmp0 + round) >> shift);
    }
  }

  private static int odd2(int z7, int z5, int z3, int z1) {
    return z7 * -5906 + z5 * 6967 + z3 * -10426 + z1 * 29692;
  }
}
