package dev.imgdl.core.image.transform;

/**
 * Resamples {@link Pixels} to a new size, one axis after the other. Shrinking averages areas:
 * each output pixel is the mean of the source pixels it covers, weighted by how much of each it
 * covers (OpenCV's {@code INTER_AREA}, img2dataset's default for downscaling); no source pixel is
 * skipped, so fine detail turns into its mean colour instead of aliasing as it does with nearest
 * neighbour or a single bilinear step. Growing is bicubic (Keys, a = -0.5), edges clamped.
 *
 * <p>Written here rather than taken from a library: Thumbnailator and imgscalr resample through
 * Java2D's bilinear and bicubic steps, and imgscalr has had no release since 2012; this is a
 * hundred lines of float arithmetic, which Java defines exactly, so every run, thread and JVM
 * gives the same pixels. Transparent images are averaged premultiplied, so that the colour of
 * invisible pixels does not bleed into visible ones.
 */
final class Resampler {
  private Resampler() {}

  static Pixels resize(Pixels src, int width, int height) {
    if (width == src.width() && height == src.height()) {
      return src;
    }
    int channels = src.alpha() ? 4 : 3;
    Taps across = Taps.of(src.width(), width);
    Taps down = Taps.of(src.height(), height);
    float[] rows = horizontal(src, across, channels);
    return vertical(rows, width, down, channels, src.alpha());
  }

  /** Every source row resampled to the new width, as floats (premultiplied with alpha). */
  private static float[] horizontal(Pixels src, Taps taps, int channels) {
    int sw = src.width();
    int dw = taps.size;
    int[] argb = src.argb();
    float[] out = new float[src.height() * dw * channels];
    float[] pixel = new float[4];
    for (int y = 0; y < src.height(); y++) {
      int rowIn = y * sw;
      int rowOut = y * dw * channels;
      for (int x = 0; x < dw; x++) {
        float r = 0;
        float g = 0;
        float b = 0;
        float a = 0;
        for (int t = x * taps.count, end = t + taps.count; t < end; t++) {
          float weight = taps.weight[t];
          if (weight == 0) {
            continue;
          }
          unpack(argb[rowIn + taps.index[t]], channels == 4, pixel);
          r += weight * pixel[0];
          g += weight * pixel[1];
          b += weight * pixel[2];
          a += weight * pixel[3];
        }
        int at = rowOut + x * channels;
        out[at] = r;
        out[at + 1] = g;
        out[at + 2] = b;
        if (channels == 4) {
          out[at + 3] = a;
        }
      }
    }
    return out;
  }

  private static void unpack(int p, boolean alpha, float[] pixel) {
    float a = alpha ? (p >>> 24) / 255f : 1f;
    pixel[0] = (p >> 16 & 0xFF) * a;
    pixel[1] = (p >> 8 & 0xFF) * a;
    pixel[2] = (p & 0xFF) * a;
    pixel[3] = a;
  }

  private static Pixels vertical(float[] rows, int width, Taps taps, int channels,
      boolean alpha) {
    int stride = width * channels;
    int[] out = new int[width * taps.size];
    float[] sum = new float[stride];
    for (int y = 0; y < taps.size; y++) {
      java.util.Arrays.fill(sum, 0f);
      for (int t = y * taps.count, end = t + taps.count; t < end; t++) {
        float weight = taps.weight[t];
        if (weight == 0) {
          continue;
        }
        int row = taps.index[t] * stride;
        for (int i = 0; i < stride; i++) {
          sum[i] += weight * rows[row + i];
        }
      }
      for (int x = 0; x < width; x++) {
        int at = x * channels;
        float a = alpha ? Math.min(1f, Math.max(0f, sum[at + 3])) : 1f;
        float unmultiply = a > 0 ? 1f / a : 0f;
        out[y * width + x] = channel(a * 255f) << 24
            | channel(sum[at] * unmultiply) << 16
            | channel(sum[at + 1] * unmultiply) << 8
            | channel(sum[at + 2] * unmultiply);
      }
    }
    return new Pixels(width, taps.size, out, alpha);
  }

  private static int channel(float v) {
    int c = (int) (v + 0.5f);
    return c < 0 ? 0 : Math.min(c, 255);
  }

  /**
   * For each output position along one axis, {@code count} source positions and their weights
   * (unused taps have weight 0), the weights of one output summing to 1.
   */
  private static final class Taps {
    final int size;
    final int count;
    final int[] index;
    final float[] weight;

    private Taps(int size, int count) {
      this.size = size;
      this.count = count;
      this.index = new int[size * count];
      this.weight = new float[size * count];
    }

    static Taps of(int from, int to) {
      return to < from ? area(from, to) : to > from ? cubic(from, to) : identity(to);
    }

    private static Taps identity(int size) {
      Taps taps = new Taps(size, 1);
      for (int i = 0; i < size; i++) {
        taps.index[i] = i;
        taps.weight[i] = 1f;
      }
      return taps;
    }

    /** Output i covers source [i·s, (i+1)·s), s = from / to; each source cell by its overlap. */
    private static Taps area(int from, int to) {
      double scale = from / (double) to;
      Taps taps = new Taps(to, (int) Math.ceil(scale) + 1);
      for (int i = 0; i < to; i++) {
        double start = i * scale;
        double end = Math.min(from, (i + 1) * scale);
        int t = i * taps.count;
        for (int j = (int) Math.floor(start); j < end && t < (i + 1) * taps.count; j++, t++) {
          double overlap = Math.min(end, j + 1) - Math.max(start, j);
          taps.index[t] = j;
          taps.weight[t] = (float) (overlap / scale);
        }
      }
      return taps;
    }

    /** Four source pixels around the output's centre, with Keys' cubic weights. */
    private static Taps cubic(int from, int to) {
      double scale = from / (double) to;
      Taps taps = new Taps(to, 4);
      for (int i = 0; i < to; i++) {
        double centre = (i + 0.5) * scale - 0.5;
        int base = (int) Math.floor(centre);
        double f = centre - base;
        for (int k = 0; k < 4; k++) {
          int t = i * 4 + k;
          taps.index[t] = Math.max(0, Math.min(from - 1, base - 1 + k));
          taps.weight[t] = (float) keys(k - 1 - f);
        }
      }
      return taps;
    }

    private static double keys(double x) {
      double a = -0.5;
      double t = Math.abs(x);
      if (t <= 1) {
        return ((a + 2) * t - (a + 3)) * t * t + 1;
      }
      if (t < 2) {
        return ((a * t - 5 * a) * t + 8 * a) * t - 4 * a;
      }
      return 0;
    }
  }
}
