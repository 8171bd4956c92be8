package dev.imgdl.core.image.transform;

/**
 * The sizes of one transform, worked out before any pixel is touched: the image is resampled to
 * {@code scaledWidth × scaledHeight}, then the rectangle at {@code (cropX, cropY)} is kept
 * ({@code center_crop}) or the image is laid at {@code (padX, padY)} on a white canvas
 * ({@code border}), giving {@code width × height}.
 *
 * <p>The arithmetic is img2dataset's, copied from its {@code img2dataset/resizer.py} ({@code
 * Resizer.__call__}) and the albumentations 1.x functions it calls ({@code
 * geometric/functional.py}: {@code _func_max_size}, {@code py3round}, {@code pad}; {@code
 * crops/functional.py}: {@code get_center_crop_coords}): the scale is {@code N / side} in
 * doubles, each side is {@code py3round(side × scale)} (half to even, which is {@link Math#rint}),
 * no resampling at all when the scale is exactly 1, the crop starts at {@code (side - N) // 2}
 * and the padding before at {@code int((N - side) / 2.0)}. One difference: a side that would
 * round to 0 (a 10000×1 image fitted to 256) is 1 here, where OpenCV would fail.
 */
record ResizePlan(
    int scaledWidth, int scaledHeight, int cropX, int cropY, int padX, int padY, int width,
    int height) {

  /** The plan for an image of {@code width × height} (as displayed, after its orientation). */
  static ResizePlan of(int width, int height, TransformSettings settings) {
    ResizeMode mode = settings.mode();
    int n = settings.size();
    if (mode == ResizeMode.NO) {
      return unchanged(width, height);
    }
    int side = mode.fitsLargerSide() ? Math.max(width, height) : Math.min(width, height);
    boolean downscale = side > n;
    if (settings.onlyIfBigger() && !downscale) {
      return unchanged(width, height);
    }
    int scaledWidth = width;
    int scaledHeight = height;
    double scale = n / (double) side;
    if (scale != 1.0) {
      scaledWidth = scaled(width, scale);
      scaledHeight = scaled(height, scale);
    }
    return switch (mode) {
      case CENTER_CROP -> {
        int w = Math.min(n, scaledWidth);
        int h = Math.min(n, scaledHeight);
        yield new ResizePlan(scaledWidth, scaledHeight, Math.floorDiv(scaledWidth - w, 2),
            Math.floorDiv(scaledHeight - h, 2), 0, 0, w, h);
      }
      case BORDER -> new ResizePlan(scaledWidth, scaledHeight, 0, 0, padBefore(scaledWidth, n),
          padBefore(scaledHeight, n), Math.max(n, scaledWidth), Math.max(n, scaledHeight));
      default -> unchanged(scaledWidth, scaledHeight);
    };
  }

  private static ResizePlan unchanged(int width, int height) {
    return new ResizePlan(width, height, 0, 0, 0, 0, width, height);
  }

  private static int scaled(int side, double scale) {
    return (int) Math.max(1, Math.rint(side * scale));
  }

  private static int padBefore(int side, int n) {
    return side < n ? (int) ((n - side) / 2.0) : 0;
  }

  /** Whether the pixels are resampled at all. */
  boolean resamples(int width, int height) {
    return scaledWidth != width || scaledHeight != height;
  }

  long area() {
    return (long) width * height;
  }
}
