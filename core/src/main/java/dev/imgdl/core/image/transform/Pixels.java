package dev.imgdl.core.image.transform;

/**
 * An image as 8-bit sRGB pixels, {@code 0xAARRGGBB} row by row: what every step between decoding
 * and encoding works on, in plain Java arithmetic, so that the same input gives the same bytes on
 * every thread, process and machine.
 *
 * @param alpha whether the alpha bytes mean anything (else they are 0xFF)
 */
record Pixels(int width, int height, int[] argb, boolean alpha) {
  Pixels {
    if ((long) width * height != argb.length) {
      throw new IllegalArgumentException(width + "x" + height + " for " + argb.length);
    }
  }

  /** The same image laid over white: img2dataset's {@code alpha / 255 * c + 255 - alpha}. */
  Pixels overWhite() {
    if (!alpha) {
      return this;
    }
    int[] out = new int[argb.length];
    for (int i = 0; i < argb.length; i++) {
      int p = argb[i];
      int a = p >>> 24;
      out[i] = 0xFF00_0000 | over(a, p >> 16 & 0xFF) << 16 | over(a, p >> 8 & 0xFF) << 8
          | over(a, p & 0xFF);
    }
    return new Pixels(width, height, out, false);
  }

  private static int over(int a, int c) {
    // a*c/255 + 255 - a, rounded: 255 is odd, so the quotient is never exactly half way.
    return (a * c + 255 * (255 - a) + 127) / 255;
  }

  /** The rectangle at (x, y) of w × h. */
  Pixels crop(int x, int y, int w, int h) {
    if (x == 0 && y == 0 && w == width && h == height) {
      return this;
    }
    int[] out = new int[w * h];
    for (int row = 0; row < h; row++) {
      System.arraycopy(argb, (y + row) * width + x, out, row * w, w);
    }
    return new Pixels(w, h, out, alpha);
  }

  /** This image at (x, y) on an opaque white canvas of w × h, as img2dataset's border. */
  Pixels pad(int x, int y, int w, int h) {
    if (x == 0 && y == 0 && w == width && h == height) {
      return this;
    }
    int[] out = new int[w * h];
    java.util.Arrays.fill(out, 0xFFFF_FFFF);
    for (int row = 0; row < height; row++) {
      System.arraycopy(argb, row * width, out, (y + row) * w + x, width);
    }
    return new Pixels(w, h, out, alpha);
  }
}
