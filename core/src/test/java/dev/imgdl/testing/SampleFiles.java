package dev.imgdl.testing;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Real, minimal files of the formats whose signature is short (JPEG, BMP, ICO), in the variants
 * found in the wild: written by ImageIO where it can, otherwise built by hand from the format's
 * layout; and text that starts with those signatures.
 */
public final class SampleFiles {
  private SampleFiles() {}

  /** A named body, so that parameterized tests say which one failed. */
  public record Sample(String name, byte[] bytes) {
    @Override
    public String toString() {
      return name;
    }
  }

  public static Sample[] jpegs() {
    byte[] jfif = imageIo("jpg", rgb(5, 5));
    byte[] soi = Arrays.copyOf(jfif, 2);
    byte[] afterApp0 = Arrays.copyOfRange(jfif, 2 + 2 + segmentLength(jfif, 2), jfif.length);
    byte[] tablesFirst = concat(soi, afterApp0);
    byte[] exifSegment = concat(bytes(0xFF, 0xE1, 0, 22), ascii("Exif\0\0"),
        ascii("II*\0"), le32(8), bytes(0, 0), le32(0));
    byte[] exif = concat(soi, exifSegment, afterApp0);
    byte[] fill = concat(bytes(0xFF, 0xD8, 0xFF, 0xFF), Arrays.copyOfRange(jfif, 2, jfif.length));
    return new Sample[] {
      new Sample("JFIF (ImageIO)", jfif),
      new Sample("Exif", exif),
      new Sample("tables first", tablesFirst),
      new Sample("fill bytes before the first marker", fill),
    };
  }

  public static Sample[] bmps() {
    byte[] reserved = imageIo("bmp", rgb(3, 2));
    reserved[6] = 'i';
    reserved[8] = 'm';
    return new Sample[] {
      new Sample("24-bit (ImageIO)", imageIo("bmp", rgb(3, 2))),
      new Sample("1-bit (ImageIO)", imageIo("bmp", new BufferedImage(3, 2,
          BufferedImage.TYPE_BYTE_BINARY))),
      new Sample("4-bit RLE (ImageIO)", bmp(palette16(3, 2), "BI_RLE4")),
      new Sample("8-bit (ImageIO)", imageIo("bmp", new BufferedImage(3, 2,
          BufferedImage.TYPE_BYTE_INDEXED))),
      new Sample("16-bit bitfields (ImageIO)", imageIo("bmp", new BufferedImage(3, 2,
          BufferedImage.TYPE_USHORT_565_RGB))),
      new Sample("32-bit bitfields (ImageIO)", bmp(rgb(3, 2), "BI_BITFIELDS")),
      new Sample("OS/2 core header", bmpByHand(12)),
      new Sample("V4 header", bmpByHand(108)),
      new Sample("V5 header", bmpByHand(124)),
      new Sample("reserved fields set", reserved),
    };
  }

  public static Sample[] icos() {
    byte[] png = imageIo("png", rgb(4, 3));
    byte[] dib = concat(bitmapInfoHeader(40, 1, 2, 32), bytes(0x00, 0x00, 0xFF, 0xFF),
        bytes(0, 0, 0, 0));
    return new Sample[] {
      new Sample("PNG inside", ico(4, 3, 0, 32, png)),
      new Sample("bitmap inside", ico(1, 1, 0, 32, dib)),
      new Sample("bitmap inside, reserved 255 (.NET)", ico(1, 1, 0xFF, 32, dib)),
    };
  }

  /** Text that starts with the signature of a format. */
  public static Sample[] hostile() {
    return new Sample[] {
      new Sample("text starting BM", ascii("BM is what this line starts with; it is text.\n")),
      new Sample("00 00 01 00 then text",
          concat(bytes(0, 0, 1, 0), ascii("and then a line of text, not an icon\n"))),
      new Sample("FF D8 FF then text",
          concat(bytes(0xFF, 0xD8, 0xFF), ascii("and then a line of text, not a photo\n"))),
    };
  }

  /** A BMP of one blue pixel, with a DIB header of {@code dibSize} bytes. */
  public static byte[] bmpByHand(int dibSize) {
    byte[] pixel = bytes(0xFF, 0, 0, 0);
    byte[] info = dibSize == 12
        ? concat(le32(12), le16(1), le16(1), le16(1), le16(24))
        : concat(bitmapInfoHeader(dibSize, 1, 1, 24), new byte[dibSize - 40]);
    if (dibSize >= 108) {
      System.arraycopy(ascii("BGRs"), 0, info, 56, 4); // LCS_sRGB, stored little-endian
    }
    int offset = 14 + dibSize;
    return concat(ascii("BM"), le32(offset + pixel.length), le32(0), le32(offset), info, pixel);
  }

  /** An icon file of one image. */
  public static byte[] ico(int width, int height, int reserved, int bits, byte[] data) {
    return concat(le16(0), le16(1), le16(1),
        bytes(width, height, 0, reserved), le16(1), le16(bits), le32(data.length), le32(22),
        data);
  }

  /** Whether an ICO's first image decodes: a PNG as it is, a bitmap behind a file header. */
  public static boolean icoImageDecodes(byte[] ico) {
    ByteBuffer b = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
    byte[] data = Arrays.copyOfRange(ico, b.getInt(18), b.getInt(18) + b.getInt(14));
    if (data[0] != (byte) 0x89) {
      data = concat(ascii("BM"), le32(14 + data.length), le32(0), le32(14 + 40), data);
    }
    return decodes(data);
  }

  public static boolean decodes(byte[] image) {
    try {
      return ImageIO.read(new ByteArrayInputStream(image)) != null;
    } catch (IOException e) {
      return false;
    }
  }

  private static byte[] bitmapInfoHeader(int size, int width, int height, int bits) {
    return concat(le32(size), le32(width), le32(height), le16(1), le16(bits),
        le32(0), le32(0), le32(2835), le32(2835), le32(0), le32(0));
  }

  private static BufferedImage rgb(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xFF0000);
    return image;
  }

  private static BufferedImage palette16(int width, int height) {
    byte[] ramp = new byte[16];
    for (int i = 0; i < ramp.length; i++) {
      ramp[i] = (byte) (i * 17);
    }
    return new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY,
        new IndexColorModel(4, 16, ramp, ramp, ramp));
  }

  private static byte[] imageIo(String format, BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] bmp(BufferedImage image, String compression) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("bmp").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionType(compression);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** The length field of the JPEG segment whose marker is at {@code at}. */
  private static int segmentLength(byte[] jpeg, int at) {
    return (jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF);
  }

  private static byte[] le16(int value) {
    return bytes(value & 0xFF, value >> 8 & 0xFF);
  }

  private static byte[] le32(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }

  public static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
