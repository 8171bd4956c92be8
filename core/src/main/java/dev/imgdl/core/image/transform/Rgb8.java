package dev.imgdl.core.image.transform;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/**
 * Any decoded image as 8-bit sRGB {@link Pixels}. 16-bit and grey samples are scaled from their
 * raw values, not through Java2D's colour conversion, which takes a grey image for linear light
 * and would lighten it; palettes and packed pixels (BMP's 5-6-5) go through their colour model.
 */
final class Rgb8 {
  private Rgb8() {}

  static Pixels of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    ColorModel model = image.getColorModel();
    boolean alpha = model.hasAlpha();
    if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      return new Pixels(w, h, fromBgr(image), false);
    }
    int type = model.getColorSpace().getType();
    if (model instanceof ComponentColorModel
        && (type == ColorSpace.TYPE_GRAY || model.getColorSpace().isCS_sRGB())) {
      return new Pixels(w, h, fromSamples(image.getRaster(), type == ColorSpace.TYPE_GRAY, alpha),
          alpha);
    }
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    if (!alpha) {
      for (int i = 0; i < argb.length; i++) {
        argb[i] |= 0xFF00_0000;
      }
    }
    return new Pixels(w, h, argb, alpha);
  }

  /** The usual JPEG: bytes B, G, R, the fast path of a photo. */
  private static int[] fromBgr(BufferedImage image) {
    Raster raster = image.getRaster();
    byte[] bytes = ((DataBufferByte) raster.getDataBuffer()).getData();
    int w = image.getWidth();
    int h = image.getHeight();
    int[] argb = new int[w * h];
    if (raster.getParent() != null || bytes.length != w * h * 3) {
      return image.getRGB(0, 0, w, h, argb, 0, w);
    }
    for (int i = 0, b = 0; i < argb.length; i++, b += 3) {
      argb[i] = 0xFF00_0000 | (bytes[b + 2] & 0xFF) << 16 | (bytes[b + 1] & 0xFF) << 8
          | bytes[b] & 0xFF;
    }
    return argb;
  }

  /** Grey, grey and alpha, RGB or RGBA samples of any depth, scaled to 8 bits. */
  private static int[] fromSamples(Raster raster, boolean grey, boolean alpha) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    int bands = raster.getNumBands();
    int[] max = new int[bands];
    for (int b = 0; b < bands; b++) {
      max[b] = (1 << raster.getSampleModel().getSampleSize(b)) - 1;
    }
    int[] argb = new int[w * h];
    int[] row = new int[w * bands];
    for (int y = 0; y < h; y++) {
      raster.getPixels(0, y, w, 1, row);
      for (int x = 0; x < w; x++) {
        int at = x * bands;
        int r = scale(row[at], max[0]);
        int g = grey ? r : scale(row[at + 1], max[1]);
        int b = grey ? r : scale(row[at + 2], max[2]);
        int colours = grey ? 1 : 3;
        int a = alpha ? scale(row[at + colours], max[colours]) : 0xFF;
        argb[y * w + x] = a << 24 | r << 16 | g << 8 | b;
      }
    }
    return argb;
  }

  private static int scale(int sample, int max) {
    return max == 255 ? sample : (int) ((sample * 255L + max / 2) / max);
  }
}
