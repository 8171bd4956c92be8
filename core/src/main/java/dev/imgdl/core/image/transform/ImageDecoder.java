package dev.imgdl.core.image.transform;

import dev.imgdl.core.image.ImageFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes the first image of a file (the first frame of an animated GIF, the largest icon of an
 * ICO) through ImageIO: TwelveMonkeys' readers where they are registered (JPEG: CMYK, YCCK,
 * broken and truncated files; WebP; TIFF), the JDK's for PNG, GIF and BMP. SVG and AVIF have
 * no decoder here.
 */
final class ImageDecoder {
  private static final String TWELVEMONKEYS = "com.twelvemonkeys.";

  private ImageDecoder() {}

  /**
   * The image in {@code file}, refusing one whose decoder reports more than {@code maxPixels}
   * pixels (the header's size, for which the budget was taken) before it allocates them: a file
   * can say one size where {@link dev.imgdl.core.image.ImageDimensions} reads it and another
   * where the decoder does.
   */
  static BufferedImage decode(Path file, ImageFormat format, long maxPixels)
      throws DecodeFailure, InterruptedException {
    String extension = format.extension();
    if (format == ImageFormat.SVG || format == ImageFormat.AVIF) {
      throw new DecodeFailure("cannot decode " + extension);
    }
    if (format == ImageFormat.ICO) {
      return IcoDecoder.decode(file, maxPixels);
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = reader(format);
      if (reader == null || in == null) {
        throw new DecodeFailure("cannot decode " + extension + ": no decoder");
      }
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > maxPixels) {
          throw new DecodeFailure("cannot decode " + extension + ": " + reader.getWidth(0) + "x"
              + reader.getHeight(0) + ", larger than its header says");
        }
        BufferedImage image = reader.read(0);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        return image;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException | LinkageError e) {
      // A LinkageError is a runtime without the decoder's native library (libjavajpeg of a
      // trimmed jlink image): this image's failure in words, not a dead worker.
      throw DecodeFailure.of(extension, e);
    }
  }

  /** A new reader for the format: TwelveMonkeys' when it is there, the first one otherwise. */
  static ImageReader reader(ImageFormat format) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(formatName(format));
    ImageReader first = null;
    while (readers.hasNext()) {
      ImageReader reader = readers.next();
      if (reader.getClass().getName().startsWith(TWELVEMONKEYS)) {
        return reader;
      }
      if (first == null) {
        first = reader;
      }
    }
    return first;
  }

  private static String formatName(ImageFormat format) {
    return switch (format) {
      case JPEG -> "jpeg";
      case TIFF -> "tiff";
      default -> format.extension();
    };
  }
}
