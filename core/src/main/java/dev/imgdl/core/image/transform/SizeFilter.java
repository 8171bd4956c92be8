package dev.imgdl.core.image.transform;

import dev.imgdl.core.image.Dimensions;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The checks made on the header's width and height, before anything is decoded, with their
 * one-line reasons: the filters of img2dataset ({@code min_image_size} on the smaller side,
 * {@code max_image_area}, {@code max_aspect_ratio} as larger side / smaller side, each compared
 * as it does) and the decode limit. Orientation turns an image but changes none of these.
 */
final class SizeFilter {
  private SizeFilter() {}

  /** Why an image of {@code size} is refused, or null when it passes. */
  static String reason(Dimensions size, TransformSettings settings) {
    int w = size.width();
    int h = size.height();
    int smaller = Math.min(w, h);
    long area = (long) w * h;
    if (smaller < settings.minImageSize()) {
      return "too small: " + w + "x" + h + " (min " + settings.minImageSize() + ")";
    }
    if (area > settings.maxImageArea()) {
      return "too large: " + w + "x" + h + " (max area " + settings.maxImageArea() + ")";
    }
    double ratio = Math.max(w, h) / (double) smaller;
    if (ratio > settings.maxAspectRatio()) {
      return "aspect ratio " + decimal(ratio, settings.maxAspectRatio()) + ": " + w + "x" + h
          + " (max " + decimal(settings.maxAspectRatio(), 0) + ")";
    }
    if (area > settings.maxDecodePixels()) {
      return decodeLimit(w, h, settings.maxDecodePixels());
    }
    return null;
  }

  /** The reason of an image beyond the decode limit. */
  static String decodeLimit(int w, int h, long max) {
    return "too many pixels to decode: " + w + "x" + h + " (max " + max + ")";
  }

  /** The reason of an image whose output would be beyond the decode limit (a long strip). */
  static String outputLimit(int w, int h, long max) {
    return "too many pixels to encode: " + w + "x" + h + " (max " + max + ")";
  }

  /**
   * {@code value} with two decimals at most, trailing zeros dropped; with as many more as it
   * takes to differ from {@code other} (a ratio of 3.001 is not shown as the maximum 3).
   */
  static String decimal(double value, double other) {
    BigDecimal exact = new BigDecimal(value);
    for (int places = 2; places < 10; places++) {
      BigDecimal shown = exact.setScale(places, RoundingMode.HALF_UP);
      if (shown.doubleValue() != other) {
        return shown.stripTrailingZeros().toPlainString();
      }
    }
    return exact.setScale(10, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
