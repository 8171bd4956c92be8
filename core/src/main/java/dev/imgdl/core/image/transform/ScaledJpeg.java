package dev.imgdl.core.image.transform;

import dev.imgdl.core.image.jpeg.JpegDecoder;
import dev.imgdl.core.image.jpeg.JpegException;
import dev.imgdl.core.image.jpeg.JpegImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JPEG decoded by {@link JpegDecoder} at the smallest DCT scale that still leaves the
 * resampler twice the target on both sides (Pillow's {@code thumbnail(reducing_gap=2.0)}): a
 * 1024×768 photo to 256 decodes at 1/2, 512×384, then is averaged 2×. Its bytes at scale 1 are
 * ImageIO's. Whatever it does not take (see {@link JpegDecoder}), cannot read or finds corrupt
 * is left to ImageIO, whose reader (TwelveMonkeys') takes broken files its own way.
 */
final class ScaledJpeg {
  private ScaledJpeg() {}

  /** The decoded image, or null to go through ImageIO. */
  static Rgb8 decode(Path file, long maxPixels, DecodeSlots.Slot slot, int targetWidth,
      int targetHeight) throws InterruptedException {
    JpegImage image;
    try {
      byte[] bytes = Files.readAllBytes(file); // bounded by --max-size
      image = JpegDecoder.decode(bytes,
          (width, height, progressive) -> denominator(width, height, targetWidth, targetHeight,
              progressive),
          maxPixels, slot::bytes, slot.jpegMemory());
    } catch (IOException | JpegException e) {
      image = null;
    }
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    return image == null ? null : new Rgb8.Interleaved(image.width(), image.height(),
        image.rgb(), true, image.sourceWidth(), image.sourceHeight());
  }

  /**
   * The largest of 8, 4, 2 that leaves at least twice the target on both sides; else 1 for a
   * progressive JPEG, which ImageIO decodes once a scan (ten times for the JDK writer's
   * script), and 0 (ImageIO) for a baseline one: measured on the bench bases (1024×768, on the
   * 2 shared cores, under load), a progressive photo takes 14 ms of CPU here and 42 to 45 in
   * ImageIO, a baseline one 8.3 to 9 ms here and 4.4 to 6 in ImageIO's native libjpeg.
   */
  static int denominator(int width, int height, int targetWidth, int targetHeight,
      boolean progressive) {
    for (int d = 8; d > 1; d /= 2) {
      if ((width + d - 1) / d >= 2L * targetWidth && (height + d - 1) / d >= 2L * targetHeight) {
        return d;
      }
    }
    return progressive ? 1 : 0;
  }
}
