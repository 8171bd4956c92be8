package dev.imgdl.core.image.transform;

/**
 * For each output position along one axis, {@code count} source positions and their weights
 * (unused taps have weight 0), the weights of one output summing to 1.
 */
final class Taps {
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
    int count = 1;
    for (int i = 0; i < to; i++) {
      double end = Math.min(from, (i + 1) * scale);
      count = Math.max(count, (int) Math.ceil(end) - (int) Math.floor(i * scale));
    }
    Taps taps = new Taps(to, count);
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
