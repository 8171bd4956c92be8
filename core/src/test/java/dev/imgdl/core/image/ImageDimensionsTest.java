package dev.imgdl.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageDimensionsTest {
  @TempDir Path dir;

  private Dimensions read(byte[] body, ImageFormat format) throws IOException {
    Path file = Files.write(dir.resolve("body"), body);
    assertThat(ImageFormat.detect(body, Math.min(body.length, ImageFormat.SNIFF_BYTES)))
        .as("sniffed as %s", format).isEqualTo(format);
    Dimensions fromFile = ImageDimensions.read(file, format);
    for (int chunk : new int[] {1, 7, 4096}) {
      assertThat(streamed(body, format, chunk))
          .as("the size from the body streamed in chunks of %d bytes", chunk)
          .isEqualTo(fromFile);
    }
    return fromFile;
  }

  /** The size as a download or a check reads it: the body fed as it arrives, never held. */
  private static Dimensions streamed(byte[] body, ImageFormat format, int chunk) {
    DimensionScan scan = DimensionScan.of(format);
    for (int at = 0; at < body.length; at += chunk) {
      scan.accept(body, at, Math.min(chunk, body.length - at));
    }
    return scan.finish();
  }

  private static byte[] imageIo(String type, int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int kind = type.equals("jpeg") || type.equals("bmp")
        ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB;
    assertThat(ImageIO.write(new BufferedImage(width, height, kind), type, out))
        .as("a writer for %s", type).isTrue();
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jpeg", "png", "gif", "bmp", "tiff"})
  void imagesWrittenByImageIoHaveTheirSize(String type) throws IOException {
    ImageFormat format = switch (type) {
      case "jpeg" -> ImageFormat.JPEG;
      case "png" -> ImageFormat.PNG;
      case "gif" -> ImageFormat.GIF;
      case "bmp" -> ImageFormat.BMP;
      default -> ImageFormat.TIFF;
    };
    assertThat(read(imageIo(type, 321, 123), format)).isEqualTo(new Dimensions(321, 123));
  }

  @Test
  void aJpegFrameHeaderAfterALargeExifSegmentIsFound() throws IOException {
    byte[] jpeg = imageIo("jpeg", 40, 30);
    // SOI, then an APP1 of 65,533 bytes of data, three times: ~196 KB before the rest.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    for (int i = 0; i < 3; i++) {
      out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) 0xFF, (byte) 0xFF});
      out.write(new byte[0xFFFF - 2]);
    }
    out.write(jpeg, 2, jpeg.length - 2);
    assertThat(read(out.toByteArray(), ImageFormat.JPEG)).isEqualTo(new Dimensions(40, 30));
  }

  @Test
  void aJpegCutBeforeItsFrameHeaderHasNoSize() throws IOException {
    byte[] cut = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    assertThat(read(cut, ImageFormat.JPEG)).isNull();
  }

  @Test
  void aLittleEndianTiffWithItsIfdAtTheEndHasItsSize() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8 + 100 + 2 + 2 * 12 + 4).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(108);
    b.position(108);
    b.putShort((short) 2);
    b.putShort((short) 256).putShort((short) 4).putInt(1).putInt(70_000); // LONG width
    b.putShort((short) 257).putShort((short) 3).putInt(1).putShort((short) 500).putShort((short) 0);
    b.putInt(0);
    assertThat(read(b.array(), ImageFormat.TIFF)).isEqualTo(new Dimensions(70_000, 500));
  }

  @Test
  void aTopDownBmpHasAPositiveHeight() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(14 + 40 + 12).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'B').put((byte) 'M').putInt(66).putInt(0).putInt(54);
    b.putInt(40).putInt(2).putInt(-3).putShort((short) 1).putShort((short) 24);
    assertThat(read(b.array(), ImageFormat.BMP)).isEqualTo(new Dimensions(2, 3));
  }

  @Test
  void webpInItsThreeEncodingsHasItsSize() throws IOException {
    // Lossy: frame tag, start code, 14-bit width and height.
    byte[] lossy = riff("VP8 ", 0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A, 0x90, 0x01, 0xC8, 0x00);
    assertThat(read(lossy, ImageFormat.WEBP)).isEqualTo(new Dimensions(400, 200));
    // Lossless: 0x2F, then width-1 and height-1 in 14 bits each: 99 and 49.
    int bits = 99 | 49 << 14;
    byte[] lossless = riff("VP8L", 0x2F, bits & 0xFF, bits >> 8 & 0xFF, bits >> 16 & 0xFF,
        bits >> 24 & 0xFF);
    assertThat(read(lossless, ImageFormat.WEBP)).isEqualTo(new Dimensions(100, 50));
    // Extended: flags, reserved, then 24-bit width-1 and height-1: 1999 and 999.
    byte[] extended = riff("VP8X", 0x10, 0, 0, 0, 0xCF, 0x07, 0x00, 0xE7, 0x03, 0x00);
    assertThat(read(extended, ImageFormat.WEBP)).isEqualTo(new Dimensions(2000, 1000));
  }

  private static byte[] riff(String chunk, int... data) {
    ByteBuffer b = ByteBuffer.allocate(20 + data.length + 40).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(b.capacity() - 8).put(ascii("WEBP")).put(ascii(chunk))
        .putInt(data.length);
    for (int d : data) {
      b.put((byte) d);
    }
    return b.array();
  }

  @Test
  void anIconHasTheSizeOfItsLargestImage() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(6 + 3 * 16 + 40).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort((short) 0).putShort((short) 1).putShort((short) 3);
    icoEntry(b, 16, 16, 54);
    icoEntry(b, 0, 0, 54); // 0 means 256
    icoEntry(b, 48, 48, 54);
    assertThat(read(b.array(), ImageFormat.ICO)).isEqualTo(new Dimensions(256, 256));
  }

  private static void icoEntry(ByteBuffer b, int width, int height, int offset) {
    b.put((byte) width).put((byte) height).put((byte) 0).put((byte) 0).putShort((short) 1)
        .putShort((short) 32).putInt(40).putInt(offset);
  }

  @Test
  void anAvifHasTheSizeOfItsLargestIspe() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(28 + 20 + 20 + 8).order(ByteOrder.BIG_ENDIAN);
    b.putInt(28).put(ascii("ftypavif")).putInt(0).put(ascii("avifmif1miaf"));
    b.putInt(20).put(ascii("ispe")).putInt(0).putInt(160).putInt(90); // a thumbnail
    b.putInt(20).put(ascii("ispe")).putInt(0).putInt(1920).putInt(1080);
    assertThat(read(b.array(), ImageFormat.AVIF)).isEqualTo(new Dimensions(1920, 1080));
  }

  @Test
  void anSvgHasASizeOnlyWhenItsAttributesArePlainNumbers() throws IOException {
    assertThat(read(svg("width=\"120\" height='80px'"), ImageFormat.SVG))
        .isEqualTo(new Dimensions(120, 80));
    assertThat(read(svg("width=\"100%\" height=\"80\""), ImageFormat.SVG)).isNull();
    assertThat(read(svg("viewBox=\"0 0 10 10\""), ImageFormat.SVG)).isNull();
  }

  private static byte[] svg(String attributes) {
    return ascii("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
        + attributes + "><rect width=\"5\" height=\"5\"/></svg>\n");
  }

  @Test
  void aBodyOfNoKnownFormatHasNoSize() throws IOException {
    Path file = Files.write(dir.resolve("text"), ascii("hello"));
    assertThat(ImageDimensions.read(file, null)).isNull();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
