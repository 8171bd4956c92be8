package dev.imgdl.core.image.transform;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/**
 * A decoded image read row by row as 8-bit sRGB ({@code 0xAARRGGBB}), so that the resampler
 * reads the decoder's raster directly instead of a full-size copy. 16-bit and grey samples are
 * scaled from their raw values, not through Java2D's colour conversion, which takes a grey image
 * for linear light and would lighten it (16-bit grey 128 became 188); palettes and packed pixels
 * (BMP's 5-6-5) go through their colour model.
 */
abstract class Rgb8 {
  final int width;
  final int height;
  final boolean alpha;
  /** The size of the image in the file: larger than the pixels after a DCT-scaled decode. */
  final int sourceWidth;
  final int sourceHeight;

  private Rgb8(BufferedImage image, boolean alpha) {
    this(image.getWidth(), image.getHeight(), alpha, image.getWidth(), image.getHeight());
  }

  private Rgb8(int width, int height, boolean alpha, int sourceWidth, int sourceHeight) {
    this.width = width;
    this.height = height;
    this.alpha = alpha;
    this.sourceWidth = sourceWidth;
    this.sourceHeight = sourceHeight;
  }

  /** Fills {@code out[0..width)} with row {@code y}; alpha is 0xFF when there is none. */
  abstract void row(int y, int[] out);

  static Rgb8 of(BufferedImage image) {
    ColorModel model = image.getColorModel();
    Raster raster = image.getRaster();
    if (image.getType() == BufferedImage.TYPE_3BYTE_BGR && raster.getParent() == null
        && ((DataBufferByte) raster.getDataBuffer()).getData().length
            == image.getWidth() * image.getHeight() * 3) {
      return new Interleaved(image.getWidth(), image.getHeight(),
          ((DataBufferByte) raster.getDataBuffer()).getData(), false);
    }
    int type = model.getColorSpace().getType();
    if (model instanceof ComponentColorModel
        && (type == ColorSpace.TYPE_GRAY || model.getColorSpace().isCS_sRGB())) {
      return new Samples(image, type == ColorSpace.TYPE_GRAY);
    }
    return new ByModel(image);
  }

  /** All rows, as one {@link Pixels}. */
  Pixels pixels() {
    int[] argb = new int[width * height];
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      row(y, row);
      System.arraycopy(row, 0, argb, y * width, width);
    }
    return new Pixels(width, height, argb, alpha);
  }

  /**
   * The usual JPEG, the fast path of a photo: three bytes a pixel, row after row from the start
   * of {@code bytes} (which may be longer), B, G, R as ImageIO's default image holds them or R,
   * G, B as the decoder writes them into a {@link DecodeSlots} raster.
   */
  static final class Interleaved extends Rgb8 {
    final byte[] bytes;
    final boolean redFirst;

    Interleaved(int width, int height, byte[] bytes, boolean redFirst) {
      this(width, height, bytes, redFirst, width, height);
    }

    Interleaved(int width, int height, byte[] bytes, boolean redFirst, int sourceWidth,
        int sourceHeight) {
      super(width, height, false, sourceWidth, sourceHeight);
      this.bytes = bytes;
      this.redFirst = redFirst;
    }

    @Override
    void row(int y, int[] out) {
      int red = redFirst ? 0 : 2;
      int blue = 2 - red;
      for (int x = 0, b = y * width * 3; x < width; x++, b += 3) {
        out[x] = 0xFF00_0000 | (bytes[b + red] & 0xFF) << 16 | (bytes[b + 1] & 0xFF) << 8
            | bytes[b + blue] & 0xFF;
      }
    }
  }

  /** Grey, grey and alpha, RGB or RGBA samples of any depth, scaled to 8 bits. */
  private static final class Samples extends Rgb8 {
    private final Raster raster;
    private final boolean grey;
    private final int bands;
    private final int[] max;
    private final int[] samples;

    Samples(BufferedImage image, boolean grey) {
      super(image, image.getColorModel().hasAlpha());
      this.raster = image.getRaster();
      this.grey = grey;
      this.bands = raster.getNumBands();
      this.max = new int[bands];
      for (int b = 0; b < bands; b++) {
        max[b] = (1 << raster.getSampleModel().getSampleSize(b)) - 1;
      }
      this.samples = new int[width * bands];
    }

    @Override
    void row(int y, int[] out) {
      raster.getPixels(0, y, width, 1, samples);
      int colours = grey ? 1 : 3;
      for (int x = 0; x < width; x++) {
        int at = x * bands;
        int r = scale(samples[at], max[0]);
        int g = grey ? r : scale(samples[at + 1], max[1]);
        int b = grey ? r : scale(samples[at + 2], max[2]);
        int a = alpha ? scale(samples[at + colours], max[colours]) : 0xFF;
        out[x] = a << 24 | r << 16 | g << 8 | b;
      }
    }

    private static int scale(int sample, int max) {
      return max == 255 ? sample : (int) ((sample * 255L + max / 2) / max);
    }
  }

  /** Anything else, through its colour model (what TwelveMonkeys gives is sRGB already). */
  private static final class ByModel extends Rgb8 {
    private final BufferedImage image;

    ByModel(BufferedImage image) {
      super(image, image.getColorModel().hasAlpha());
      this.image = image;
    }

    @Override
    void row(int y, int[] out) {
      image.getRGB(0, y, width, 1, out, 0, width);
      if (!alpha) {
        for (int x = 0; x < width; x++) {
          out[x] |= 0xFF00_0000;
        }
      }
    }
  }
}
