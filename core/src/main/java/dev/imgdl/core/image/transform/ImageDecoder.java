package dev.imgdl.core.image.transform;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import dev.imgdl.core.image.ImageFormat;
import dev.imgdl.core.image.jpeg.JpegScans;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes the first image of a file (the first frame of an animated GIF, the largest icon of an
 * ICO) through ImageIO: TwelveMonkeys' readers where they are registered (JPEG: CMYK, YCCK,
 * broken and truncated files; WebP; TIFF), the JDK's for PNG, GIF and BMP. SVG and AVIF have
 * no decoder here.
 */
final class ImageDecoder {
  private static final String TWELVEMONKEYS = "com.twelvemonkeys.";
  private static final ColorModel RGB = new ComponentColorModel(
      ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE,
      DataBuffer.TYPE_BYTE);

  private ImageDecoder() {}

  /**
   * The image in {@code file}, to be resampled to {@code targetWidth × targetHeight} (as
   * stored, before its Exif orientation). A JPEG is read once (its size is bounded by
   * {@code --max-size}), refused if it has more than {@link JpegScans#MAX} scans (each costs
   * either decoder a pass over the image), then goes first through {@link ScaledJpeg}, which
   * may decode it at a fraction of its size ({@link Rgb8#sourceWidth} keeps the file's); what
   * that does not take, through ImageIO as {@link #imageIo}, from the same bytes.
   */
  static Rgb8 decode(Path file, ImageFormat format, long maxPixels, DecodeSlots.Slot slot,
      int targetWidth, int targetHeight) throws DecodeFailure, InterruptedException {
    if (format != ImageFormat.JPEG) {
      return imageIo(file, format, maxPixels, slot);
    }
    String extension = format.extension();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw DecodeFailure.of(extension, e);
    }
    int scans = JpegScans.count(bytes);
    if (scans > JpegScans.MAX) {
      throw new DecodeFailure("cannot decode " + extension + ": " + scans + " scans (at most "
          + JpegScans.MAX + ")");
    }
    Rgb8 scaled = ScaledJpeg.decode(bytes, maxPixels, slot, targetWidth, targetHeight);
    if (scaled != null) {
      return scaled;
    }
    // Read where they lie: ImageIO's own streams over bytes would cache a copy of them.
    return imageIo(() -> new ByteArrayImageInputStream(bytes), format, maxPixels, slot);
  }

  /**
   * The image in {@code file} through ImageIO, refusing one whose decoder reports more than
   * {@code maxPixels} pixels (the header's size, for which the budget was taken) before it
   * allocates them: a file can say one size where {@link dev.imgdl.core.image.ImageDimensions}
   * reads it and another where the decoder does. A JPEG that ImageIO would decode into B, G, R
   * bytes is decoded into the {@code slot}'s raster instead, R, G, B: see {@link #destination}.
   */
  static Rgb8 imageIo(Path file, ImageFormat format, long maxPixels, DecodeSlots.Slot slot)
      throws DecodeFailure, InterruptedException {
    String extension = format.extension();
    if (format == ImageFormat.SVG || format == ImageFormat.AVIF) {
      throw new DecodeFailure("cannot decode " + extension);
    }
    if (format == ImageFormat.ICO) {
      return Rgb8.of(IcoDecoder.decode(file, maxPixels));
    }
    return imageIo(() -> ImageIO.createImageInputStream(file.toFile()), format, maxPixels, slot);
  }

  /** Where ImageIO reads a file from: the file itself, or its bytes already read. */
  private interface Source {
    ImageInputStream open() throws IOException;
  }

  private static Rgb8 imageIo(Source source, ImageFormat format, long maxPixels,
      DecodeSlots.Slot slot) throws DecodeFailure, InterruptedException {
    String extension = format.extension();
    try (ImageInputStream in = source.open()) {
      ImageReader reader = reader(format);
      if (reader == null || in == null) {
        throw new DecodeFailure("cannot decode " + extension + ": no decoder");
      }
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if ((long) width * height > maxPixels) {
          throw new DecodeFailure("cannot decode " + extension + ": " + width + "x" + height
              + ", larger than its header says");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        Rgb8 into = format == ImageFormat.JPEG ? destination(reader, param, slot) : null;
        BufferedImage image = reader.read(0, param);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        return into != null && image == param.getDestination() ? into : Rgb8.of(image);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException | LinkageError e) {
      // A LinkageError is a runtime without the decoder's native library (libjavajpeg of a
      // trimmed jlink image): this image's failure in words, not a dead worker.
      throw DecodeFailure.of(extension, e);
    }
  }

  /**
   * Sets the slot's raster as the destination of a JPEG whose default image is B, G, R bytes,
   * with the bands R, G, B, and returns its pixels as they will be; null, and nothing set, for
   * any other JPEG (grey, CMYK, an ICC profile's colours: ImageIO's own image). Why R, G, B:
   * the decoder hands over each line R, G, B, and copies it into B, G, R one pixel at a time
   * through a new array a line and pass, 5 MB of garbage a baseline photo and 26 MB a
   * progressive one; into R, G, B it is one array copy. The samples are the same bytes.
   */
  private static Rgb8 destination(ImageReader reader, ImageReadParam param,
      DecodeSlots.Slot slot) throws IOException {
    ImageTypeSpecifier type = reader.getImageTypes(0).next();
    int width = reader.getWidth(0);
    int height = reader.getHeight(0);
    long length = 3L * width * height;
    if (type.getBufferedImageType() != BufferedImage.TYPE_3BYTE_BGR
        || length > Integer.MAX_VALUE - 8) {
      return null;
    }
    byte[] bytes = slot.bytes((int) length);
    WritableRaster raster = Raster.createInterleavedRaster(
        new DataBufferByte(bytes, (int) length), width, height, 3 * width, 3,
        new int[] {0, 1, 2}, null);
    param.setDestination(new BufferedImage(RGB, raster, false, null));
    return new Rgb8.Interleaved(width, height, bytes, true);
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
