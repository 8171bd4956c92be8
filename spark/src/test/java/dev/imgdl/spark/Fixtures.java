package dev.imgdl.spark;

import dev.imgdl.testing.Images;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Images for the resize tests: drawn by the JDK, or the core's ImageMagick fixtures. */
final class Fixtures {
  private Fixtures() {}

  /** A {@code width}x{@code height} gradient, with alpha when {@code alpha}, as PNG or JPEG. */
  static byte[] drawn(int width, int height, boolean alpha, String format) {
    return Images.drawn(width, height, alpha, format);
  }

  /** One of the core's fixtures, {@code transform/NAME} in its test jar. */
  static byte[] resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/transform/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture transform/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code jpeg} with an Exif segment saying orientation {@code value} after its SOI: a little
   * endian TIFF header and one IFD entry, tag 0x0112, SHORT.
   */
  static byte[] withOrientation(byte[] jpeg, int value) {
    byte[] exif = {(byte) 0xff, (byte) 0xe1, 0, 34, 'E', 'x', 'i', 'f', 0, 0,
        'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) value, 0, 0, 0,
        0, 0, 0, 0};
    byte[] out = new byte[jpeg.length + exif.length];
    System.arraycopy(jpeg, 0, out, 0, 2);
    System.arraycopy(exif, 0, out, 2, exif.length);
    System.arraycopy(jpeg, 2, out, 2 + exif.length, jpeg.length - 2);
    return out;
  }
}
