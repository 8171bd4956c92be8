package dev.imgdl.core.image.transform;

import dev.imgdl.core.image.ImageFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The largest icon of an ICO file (by area, the first of equals, as {@link
 * dev.imgdl.core.image.ImageDimensions} reports it), since the JDK has no ICO reader and
 * TwelveMonkeys' (in {@code imageio-bmp}) could not be had for this build. An icon is a PNG,
 * decoded as one, or a BMP without its file header and with its height doubled for the 1-bit
 * transparency mask after the colours: the JDK's BMP reader decodes the colours under a
 * file header made for it, and the transparency comes from the 32-bit pixels' fourth byte or
 * else from the mask. Read in memory (at most 64 MiB): ImageIO's default for a stream would
 * cache it in a temporary file.
 */
final class IcoDecoder {
  private static final int MAX_BYTES = 64 << 20;
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

  private IcoDecoder() {}

  static BufferedImage decode(Path file, long maxPixels) throws DecodeFailure {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new DecodeFailure("cannot decode ico: larger than 64 MiB");
      }
      ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
      int count = ico.getShort(4) & 0xFFFF;
      int best = -1;
      long bestArea = 0;
      for (int i = 0; i < count && 6 + 16 * (i + 1) <= ico.limit(); i++) {
        int w = size(ico.get(6 + 16 * i));
        int h = size(ico.get(7 + 16 * i));
        if ((long) w * h > bestArea) {
          best = i;
          bestArea = (long) w * h;
        }
      }
      if (best < 0) {
        throw new DecodeFailure("cannot decode ico: no icon in its directory");
      }
      int length = ico.getInt(6 + 16 * best + 8);
      int offset = ico.getInt(6 + 16 * best + 12);
      if (offset < 0 || length < 40 || (long) offset + length > ico.limit()) {
        throw new DecodeFailure("cannot decode ico: an icon lies outside the file");
      }
      byte[] icon = new byte[length];
      ico.get(offset, icon);
      return startsWith(icon, PNG) ? png(icon, maxPixels) : bitmap(icon, maxPixels);
    } catch (IOException | RuntimeException | LinkageError e) {
      throw DecodeFailure.of("ico", e);
    }
  }

  private static int size(byte b) {
    return b == 0 ? 256 : b & 0xFF;
  }

  private static BufferedImage png(byte[] icon, long maxPixels) throws IOException, DecodeFailure {
    ImageReader reader = ImageDecoder.reader(ImageFormat.PNG);
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(icon))) {
      reader.setInput(in, true, true);
      checkPixels((long) reader.getWidth(0) * reader.getHeight(0), maxPixels);
      return reader.read(0);
    } finally {
      reader.dispose();
    }
  }

  private static BufferedImage bitmap(byte[] icon, long maxPixels)
      throws IOException, DecodeFailure {
    ByteBuffer dib = ByteBuffer.wrap(icon).order(ByteOrder.LITTLE_ENDIAN);
    int header = dib.getInt(0);
    int width = dib.getInt(4);
    int height = Math.abs(dib.getInt(8)) / 2;
    int bits = dib.getShort(14) & 0xFFFF;
    int colours = dib.getInt(32);
    checkPixels((long) width * height, maxPixels);
    int palette = bits <= 8 ? 4 * (colours == 0 ? 1 << bits : colours) : 0;
    int pixelData = header + palette;
    ByteBuffer bmp = ByteBuffer.allocate(14 + icon.length).order(ByteOrder.LITTLE_ENDIAN);
    bmp.put((byte) 'B').put((byte) 'M').putInt(14 + icon.length).putInt(0)
        .putInt(14 + pixelData).put(icon);
    bmp.putInt(14 + 8, height); // the colours only: the mask is not part of the bitmap
    BufferedImage colour = ImageIO.read(
        new MemoryCacheImageInputStream(new ByteArrayInputStream(bmp.array())));
    if (colour == null) {
      throw new DecodeFailure("cannot decode ico: not a bitmap");
    }
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    int colourRow = (width * bits + 31) / 32 * 4;
    int maskRow = (width + 31) / 32 * 4;
    int maskStart = pixelData + colourRow * height;
    for (int y = 0; y < height; y++) {
      int stored = height - 1 - y; // bottom-up
      for (int x = 0; x < width; x++) {
        int alpha;
        if (bits == 32) {
          alpha = icon[pixelData + stored * colourRow + 4 * x + 3] & 0xFF;
        } else {
          int at = maskStart + stored * maskRow + x / 8;
          boolean clear = at < icon.length && (icon[at] >> (7 - x % 8) & 1) == 1;
          alpha = clear ? 0 : 0xFF;
        }
        out.setRGB(x, y, alpha << 24 | colour.getRGB(x, y) & 0xFF_FFFF);
      }
    }
    return out;
  }

  private static void checkPixels(long pixels, long maxPixels) throws DecodeFailure {
    if (pixels > maxPixels) {
      throw new DecodeFailure("cannot decode ico: more than the " + maxPixels
          + " pixels allowed");
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
