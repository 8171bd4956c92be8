package dev.imgdl.core.download;

import dev.imgdl.core.image.ImageFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Small bodies for tests: each image format's signature (and, where it is short, the header
 * fields imgdl checks) followed by deterministic filler, which is all imgdl looks at, plus an
 * HTML page and the digests and encodings the tests compare with.
 */
final class Images {
  static final int DEFAULT_SIZE = 300;

  private Images() {}

  /** A body of {@link #DEFAULT_SIZE} bytes (SVG: a short document) sniffed as {@code format}. */
  static byte[] of(ImageFormat format) {
    return of(format, DEFAULT_SIZE);
  }

  /** A body of exactly {@code size} bytes that sniffs as {@code format}; not for SVG. */
  static byte[] of(ImageFormat format, int size) {
    if (format == ImageFormat.SVG) {
      return ascii("<?xml version=\"1.0\"?>\n<!-- a dot -->\n"
          + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n");
    }
    byte[] head = signature(format);
    byte[] body = new byte[size];
    new Random(size).nextBytes(body);
    System.arraycopy(head, 0, body, 0, head.length);
    return body;
  }

  static byte[] png(int size) {
    return of(ImageFormat.PNG, size);
  }

  static byte[] html() {
    return ascii("<!DOCTYPE html>\n<html><head><title>Not here</title></head>"
        + "<body><p>Sorry, this picture moved.</p></body></html>\n");
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] signature(ImageFormat format) {
    return switch (format) {
      case JPEG -> bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00);
      case PNG -> concat(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13),
          ascii("IHDR"));
      case GIF -> ascii("GIF89a");
      case WEBP -> concat(ascii("RIFF"), bytes(0x24, 0x01, 0, 0), ascii("WEBPVP8 "));
      // File header, then a 40-byte DIB header up to its depth: 1 x 1 pixel, 1 plane, 24 bits.
      case BMP -> concat(ascii("BM"), bytes(0x2C, 0x01, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0,
          40, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 24, 0));
      case TIFF -> bytes('I', 'I', 0x2A, 0x00, 0x08, 0, 0, 0);
      // One image: 16 x 16, 1 plane, 32 bits, 278 bytes at offset 22.
      case ICO -> bytes(0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x10, 0x10, 0, 0, 1, 0, 32, 0,
          0x16, 0x01, 0, 0, 22, 0, 0, 0);
      case AVIF -> concat(bytes(0, 0, 0, 0x1C), ascii("ftypavif"), bytes(0, 0, 0, 0));
      case SVG -> throw new IllegalArgumentException("SVG has no binary signature");
    };
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    byte[] out = new byte[0];
    for (byte[] part : parts) {
      int at = out.length;
      out = Arrays.copyOf(out, at + part.length);
      System.arraycopy(part, 0, out, at, part.length);
    }
    return out;
  }
}
