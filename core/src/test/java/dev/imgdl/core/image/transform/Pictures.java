package dev.imgdl.core.image.transform;

import dev.imgdl.core.image.jpeg.JpegFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Images made for the transform's tests, and a look at what it saved. */
final class Pictures {
  private Pictures() {}

  /** A w × h image of one colour with the rectangle (0, 0, rw, rh) in another. */
  static BufferedImage twoColours(int w, int h, Color fill, int rw, int rh, Color corner,
      int type) {
    BufferedImage image = new BufferedImage(w, h, type);
    Graphics2D g = image.createGraphics();
    g.setComposite(java.awt.AlphaComposite.Src);
    g.setColor(fill);
    g.fillRect(0, 0, w, h);
    g.setColor(corner);
    g.fillRect(0, 0, rw, rh);
    g.dispose();
    return image;
  }

  static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path dir, String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path dir, String name, BufferedImage image, String format) {
    return write(dir, name, encode(image, format));
  }

  static Path resource(Path dir, String name) {
    try (InputStream in = Pictures.class.getResourceAsStream("/transform/" + name)) {
      return write(dir, name, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BufferedImage read(Path file) {
    try {
      return ImageIO.read(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The JPEG with an Exif APP1 segment after its SOI whose only tag is the orientation: a
   * big-endian TIFF header, one IFD entry (tag 274, SHORT, count 1, the value) and no next IFD.
   */
  static byte[] withOrientation(byte[] jpeg, int orientation) {
    return JpegFiles.withExif(jpeg, orientation);
  }


  /** Whether {@code argb} is within {@code tolerance} of {@code expected} in each of R, G, B. */
  static boolean near(int argb, Color expected, int tolerance) {
    Color c = new Color(argb, true);
    return Math.abs(c.getRed() - expected.getRed()) <= tolerance
        && Math.abs(c.getGreen() - expected.getGreen()) <= tolerance
        && Math.abs(c.getBlue() - expected.getBlue()) <= tolerance;
  }

  static String rgb(int argb) {
    Color c = new Color(argb, true);
    return "rgba(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + "," + c.getAlpha()
        + ")";
  }
}
