package dev.imgdl.core.image.jpeg;

/**
 * The output pass: every block through its inverse DCT into its component's plane, then row by
 * row the chroma upsampled and YCbCr turned into R, G, B, as libjpeg 6b does with its defaults
 * (jdsample.c's fancy upsampling, whose edge rows are the first and last rows repeated; jdcolor.c's
 * fixed-point tables). Fancy upsampling only where libjpeg uses it: a scaled block larger than
 * one sample and a component wider than two.
 */
final class Output {
  private static final int[] CR_R = new int[256];
  private static final int[] CB_B = new int[256];
  private static final int[] CR_G = new int[256];
  private static final int[] CB_G = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int x = i - 128;
      CR_R[i] = (91881 * x + 32768) >> 16;
      CB_B[i] = (116130 * x + 32768) >> 16;
      CR_G[i] = -46802 * x;
      CB_G[i] = -22554 * x + 32768;
    }
  }

  private Output() {}

  /**
   * @param extents per block, the zig-zag index of its last coefficient that may not be zero:
   *     a block of 0 is flat, one sample repeated (what the IDCTs give for it, to the bit)
   */
  static void write(Frame frame, short[] coef, byte[] extents, byte[] planes, int denominator,
      byte[] rgb) {
    Idct idct = new Idct();
    for (Component c : frame.components) {
      int size = c.dctSize;
      for (int by = 0; by < c.dataBlocksHigh; by++) {
        int row = c.planeOffset + by * size * c.planeWidth;
        for (int bx = 0; bx < c.dataBlocksWide; bx++) {
          int at = c.blockAt(by, bx);
          if (extents[at >> 6] == 0) {
            flat(Idct.dcSample(coef[at], c.quant[0]), planes, row + bx * size, size,
                c.planeWidth);
          } else {
            idct.block(size, coef, at, c.quant, planes, row + bx * size, c.planeWidth);
          }
        }
      }
    }
    int width = Frame.ceilDiv(frame.width, denominator);
    int height = Frame.ceilDiv(frame.height, denominator);
    Component luma = frame.components[0];
    if (frame.components.length == 1) {
      for (int y = 0, o = 0; y < height; y++) {
        int at = luma.planeOffset + y * luma.planeWidth;
        for (int x = 0; x < width; x++, o += 3) {
          byte s = planes[at + x];
          rgb[o] = s;
          rgb[o + 1] = s;
          rgb[o + 2] = s;
        }
      }
      return;
    }
    int min = 8 / denominator;
    Component cbc = frame.components[1];
    Component crc = frame.components[2];
    byte[] cb = new byte[2 * cbc.planeWidth + 2];
    byte[] cr = new byte[2 * crc.planeWidth + 2];
    for (int y = 0, o = 0; y < height; y++) {
      chromaRow(frame, cbc, min, y, planes, cb);
      chromaRow(frame, crc, min, y, planes, cr);
      int at = luma.planeOffset + y * luma.planeWidth;
      for (int x = 0; x < width; x++, o += 3) {
        int l = planes[at + x] & 0xFF;
        int b = cb[x] & 0xFF;
        int r = cr[x] & 0xFF;
        rgb[o] = clamp(l + CR_R[r]);
        rgb[o + 1] = clamp(l + ((CB_G[b] + CR_G[r]) >> 16));
        rgb[o + 2] = clamp(l + CB_B[b]);
      }
    }
  }

  private static void flat(byte sample, byte[] planes, int at, int size, int stride) {
    for (int y = 0; y < size; y++, at += stride) {
      for (int x = 0; x < size; x++) {
        planes[at + x] = sample;
      }
    }
  }

  private static byte clamp(int v) {
    return (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
  }

  /** Row {@code y} of the output's size of component {@code c} into {@code out}. */
  private static void chromaRow(Frame frame, Component c, int min, int y, byte[] planes,
      byte[] out) {
    int across = frame.maxH * min / (c.h * c.dctSize);
    int down = frame.maxV * min / (c.v * c.dctSize);
    boolean fancy = min > 1 && c.sampledWidth > 2;
    int row = Math.min(y / down, c.sampledHeight - 1);
    int at = c.planeOffset + row * c.planeWidth;
    int w = c.sampledWidth;
    if (across == 1) {
      System.arraycopy(planes, at, out, 0, w);
    } else if (!fancy) {
      for (int x = 0; x < w; x++) {
        out[2 * x] = planes[at + x];
        out[2 * x + 1] = planes[at + x];
      }
    } else if (down == 1) {
      fancyAcross(planes, at, w, out);
    } else {
      int near = (y & 1) == 0 ? Math.max(row - 1, 0) : Math.min(row + 1, c.sampledHeight - 1);
      fancyBoth(planes, at, c.planeOffset + near * c.planeWidth, w, out);
    }
  }

  /** jdsample.c's {@code h2v1_fancy_upsample}: 3/4 of the nearer sample, 1/4 of the other. */
  private static void fancyAcross(byte[] in, int at, int w, byte[] out) {
    int first = in[at] & 0xFF;
    out[0] = (byte) first;
    out[1] = (byte) ((first * 3 + (in[at + 1] & 0xFF) + 2) >> 2);
    for (int x = 1; x < w - 1; x++) {
      int v = (in[at + x] & 0xFF) * 3;
      out[2 * x] = (byte) ((v + (in[at + x - 1] & 0xFF) + 1) >> 2);
      out[2 * x + 1] = (byte) ((v + (in[at + x + 1] & 0xFF) + 2) >> 2);
    }
    int last = in[at + w - 1] & 0xFF;
    out[2 * w - 2] = (byte) ((last * 3 + (in[at + w - 2] & 0xFF) + 1) >> 2);
    out[2 * w - 1] = (byte) last;
  }

  /** jdsample.c's {@code h2v2_fancy_upsample}: 9/16, 3/16, 3/16, 1/16, with its biases. */
  private static void fancyBoth(byte[] in, int at, int near, int w, byte[] out) {
    int last = 0;
    int sum = (in[at] & 0xFF) * 3 + (in[near] & 0xFF);
    int next = (in[at + 1] & 0xFF) * 3 + (in[near + 1] & 0xFF);
    out[0] = (byte) ((sum * 4 + 8) >> 4);
    out[1] = (byte) ((sum * 3 + next + 7) >> 4);
    for (int x = 1; x < w - 1; x++) {
      last = sum;
      sum = next;
      next = (in[at + x + 1] & 0xFF) * 3 + (in[near + x + 1] & 0xFF);
      out[2 * x] = (byte) ((sum * 3 + last + 8) >> 4);
      out[2 * x + 1] = (byte) ((sum * 3 + next + 7) >> 4);
    }
    last = sum;
    sum = next;
    out[2 * w - 2] = (byte) ((sum * 3 + last + 8) >> 4);
    out[2 * w - 1] = (byte) ((sum * 4 + 7) >> 4);
  }
}
