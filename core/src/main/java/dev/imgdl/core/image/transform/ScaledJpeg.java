package dev.imgdl.core.image.transform;

import dev.imgdl.core.image.jpeg.JpegDecoder;
import dev.imgdl.core.image.jpeg.JpegException;
import dev.imgdl.core.image.jpeg.JpegImage;

/**
 * A JPEG decoded by {@link JpegDecoder} at the smallest DCT scale that still leaves the
 * resampler twice the target on both sides (Pillow's {@code thumbnail(reducing_gap=2.0)}), where
 * that is faster than ImageIO: a progressive photo always, a baseline one from 1/4 on (a
 * 1024×768 photo to 128 decodes at 1/4, 256×192, then is averaged 2×). Its bytes at scale 1 are
 * ImageIO's. Whatever it does not take (see {@link JpegDecoder}), cannot read or finds corrupt
 * is left to ImageIO, whose reader (TwelveMonkeys') takes broken files its own way.
 */
final class ScaledJpeg {
  private ScaledJpeg() {}

  /** The decoded image of the file's {@code bytes}, or null to go through ImageIO. */
  static Rgb8 decode(byte[] bytes, long maxPixels, DecodeSlots.Slot slot, int targetWidth,
      int targetHeight) throws InterruptedException {
    JpegImage image;
    try {
      image = JpegDecoder.decode(bytes,
          (width, height, progressive) -> denominator(width, height, targetWidth, targetHeight,
              progressive),
          maxPixels, slot::bytes, slot.jpegMemory());
    } catch (JpegException e) {
      image = null;
    }
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    return image == null ? null : new Rgb8.Interleaved(image.width(), image.height(),
        image.rgb(), true, image.sourceWidth(), image.sourceHeight());
  }

  /**
   * The largest of 8, 4, 2 that leaves at least twice the target on both sides, else 1; for a
   * baseline JPEG 0 (ImageIO) instead of 1 or 2. Measured on the bench bases (1024×768, CPU
   * time on the 2 shared cores, under load): a progressive photo takes 14 ms here at full size,
   * 10 at 1/2, and 42 to 51 in ImageIO, which decodes it once a scan; a baseline one 8.3 to 10
   * ms here at full size, 4.6 to 5.6 at 1/2, 3.4 at 1/4, 2.6 at 1/8, and 4.4 to 6 in ImageIO's
   * native libjpeg, whose full decode and 4× resampling (6.7 to 6.8 ms with the encoding) beat
   * this one's 1/2 decode and 2× resampling (7.4 to 8.6 ms).
   */
  static int denominator(int width, int height, int targetWidth, int targetHeight,
      boolean progressive) {
    int d = 8;
    while (d > 1
        && ((width + d - 1) / d < 2L * targetWidth || (height + d - 1) / d < 2L * targetHeight)) {
      d /= 2;
    }
    return progressive || d >= 4 ? d : 0;
  }
}
