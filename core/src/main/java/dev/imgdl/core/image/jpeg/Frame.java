package dev.imgdl.core.image.jpeg;

/** A frame header (SOF0, SOF1 or SOF2) and the block layout that follows from it. */
final class Frame {
  final boolean progressive;
  final int width;
  final int height;
  final Component[] components;
  final int maxH;
  final int maxV;
  final int mcusWide;
  final int mcusHigh;

  Frame(boolean progressive, int width, int height, Component[] components) {
    this.progressive = progressive;
    this.width = width;
    this.height = height;
    this.components = components;
    int mh = 1;
    int mv = 1;
    for (Component c : components) {
      mh = Math.max(mh, c.h);
      mv = Math.max(mv, c.v);
    }
    this.maxH = mh;
    this.maxV = mv;
    this.mcusWide = ceilDiv(width, 8 * mh);
    this.mcusHigh = ceilDiv(height, 8 * mv);
    for (Component c : components) {
      c.blocksWide = mcusWide * c.h;
      c.blocksHigh = mcusHigh * c.v;
      c.dataBlocksWide = ceilDiv(width * c.h, 8 * mh);
      c.dataBlocksHigh = ceilDiv(height * c.v, 8 * mv);
    }
  }

  /** The coefficients of all components, laid out one after the other; -1 if too many. */
  long layOutCoefficients() {
    long total = 0;
    for (Component c : components) {
      c.offset = (int) Math.min(Integer.MAX_VALUE, total);
      total += 64L * c.blocksWide * c.blocksHigh;
    }
    return total;
  }

  /**
   * The sizes at a scale of 1/{@code denominator}, as libjpeg 6b's jdmaster.c works them out:
   * every component's DCT scaled by it, then a chroma component's scaled up again (to 8 at
   * most) while that saves upsampling; returns the bytes of all planes.
   */
  long layOutPlanes(int denominator) {
    int min = 8 / denominator;
    long total = 0;
    for (Component c : components) {
      int size = min;
      while (size < 8 && c.h * size * 2 <= maxH * min && c.v * size * 2 <= maxV * min) {
        size *= 2;
      }
      c.dctSize = size;
      c.planeWidth = c.blocksWide * size;
      c.planeHeight = c.blocksHigh * size;
      c.planeOffset = (int) Math.min(Integer.MAX_VALUE, total);
      c.sampledWidth = (int) ceilDiv((long) width * c.h * size, (long) maxH * 8);
      c.sampledHeight = (int) ceilDiv((long) height * c.v * size, (long) maxV * 8);
      total += (long) c.planeWidth * c.planeHeight;
    }
    return total;
  }

  static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
