package dev.imgdl.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Small image bodies of every accepted format, real where the JDK can write them. */
public final class Images {
  private Images() {}

  public static byte[] png() {
    return write("png", 4, 3);
  }

  /** A PNG of roughly {@code bytes} bytes (noise does not compress). */
  public static byte[] bigPng(int side) {
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    java.util.Random random = new java.util.Random(side);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        image.setRGB(x, y, random.nextInt());
      }
    }
    return encode(image, "png");
  }

  public static byte[] jpeg() {
    return write("jpg", 5, 5);
  }

  public static byte[] gif() {
    return write("gif", 3, 3);
  }

  public static byte[] bmp() {
    return write("bmp", 2, 2);
  }

  public static byte[] tiff() {
    return write("tiff", 2, 2);
  }

  public static byte[] webp() {
    byte[] b = new byte[40];
    System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
    b[4] = 32;
    System.arraycopy("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 0, b, 8, 8);
    return b;
  }

  public static byte[] avif() {
    byte[] b = new byte[48];
    b[3] = 0x1C;
    System.arraycopy("ftypavif".getBytes(StandardCharsets.US_ASCII), 0, b, 4, 8);
    return b;
  }

  /** An icon holding one PNG image, as Windows Vista and later write them. */
  public static byte[] ico() {
    byte[] png = png();
    byte[] header = {0, 0, 1, 0, 1, 0, 4, 3, 0, 0, 1, 0, 32, 0, 0, 0, 0, 0, 22, 0, 0, 0};
    header[14] = (byte) png.length;
    header[15] = (byte) (png.length >> 8);
    return concat(header, png);
  }

  public static byte[] svg() {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- test -->\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"></svg>\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] html() {
    return "<!DOCTYPE html><html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] write(String format, int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xFF0000);
    return encode(image, format);
  }

  private static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Hex SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /**
   * A {@code width}x{@code height} blue-to-yellow gradient with a red square, as PNG or JPEG;
   * with {@code alpha}, its lower half transparent: images of known size for the resize tests.
   */
  public static byte[] drawn(int width, int height, boolean alpha, String format) {
    BufferedImage image = new BufferedImage(width, height,
        alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    g.setPaint(new java.awt.GradientPaint(0, 0, java.awt.Color.BLUE, width, height,
        java.awt.Color.YELLOW));
    g.fillRect(0, 0, width, alpha ? height / 2 : height);
    g.setColor(java.awt.Color.RED);
    g.fillRect(width / 4, height / 4, Math.max(1, width / 4), Math.max(1, height / 4));
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
