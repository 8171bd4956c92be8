package dev.imgdl.core.image;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The image formats imgdl accepts, recognized by their signature (magic bytes) and not by what
 * the server claims. {@link #detect} needs the first bytes of the body; for SVG, up to the first
 * few kilobytes. Where the signature is short (BMP, ICO, JPEG), the header fields after it must
 * be consistent too, so that text that happens to start with it is not taken for an image.
 */
public enum ImageFormat {
  JPEG("jpg"),
  PNG("png"),
  GIF("gif"),
  WEBP("webp"),
  BMP("bmp"),
  TIFF("tif"),
  ICO("ico"),
  AVIF("avif"),
  SVG("svg");

  /** How many leading bytes {@link #detect} looks at, at most. */
  public static final int SNIFF_BYTES = 4096;

  private final String extension;

  ImageFormat(String extension) {
    this.extension = extension;
  }

  /** The extension given to files of this format when the URL has none. */
  public String extension() {
    return extension;
  }

  /**
   * The format whose signature {@code head[0..length)} starts with, or null: also while too few
   * bytes are in to tell, so a caller asks again as more arrive and decides on a null only once
   * it has {@link #SNIFF_BYTES} bytes or the whole body.
   */
  public static ImageFormat detect(byte[] head, int length) {
    if (starts(head, length, 0xFF, 0xD8, 0xFF) && ImageHeaders.jpeg(head, length)) {
      return JPEG;
    }
    if (starts(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return PNG;
    }
    if (startsAscii(head, length, 0, "GIF87a") || startsAscii(head, length, 0, "GIF89a")) {
      return GIF;
    }
    if (startsAscii(head, length, 0, "RIFF") && startsAscii(head, length, 8, "WEBP")) {
      return WEBP;
    }
    if (startsAscii(head, length, 0, "BM") && ImageHeaders.bmp(head, length)) {
      return BMP;
    }
    if (starts(head, length, 'I', 'I', 0x2A, 0x00) || starts(head, length, 'M', 'M', 0x00, 0x2A)) {
      return TIFF;
    }
    if (starts(head, length, 0x00, 0x00, 0x01, 0x00) && ImageHeaders.ico(head, length)) {
      return ICO;
    }
    if (startsAscii(head, length, 4, "ftyp")
        && (startsAscii(head, length, 8, "avif") || startsAscii(head, length, 8, "avis"))) {
      return AVIF;
    }
    if (isSvg(head, length)) {
      return SVG;
    }
    return null;
  }

  /** Whether the bytes look like an HTML document, for a clearer error message. */
  public static boolean looksLikeHtml(byte[] head, int length) {
    String text = leadingText(head, length);
    return text.startsWith("<!doctype html") || text.startsWith("<html") || text.contains("<body");
  }

  private static boolean isSvg(byte[] head, int length) {
    String text = leadingText(head, length);
    if (!text.startsWith("<")) {
      return false;
    }
    int svg = text.indexOf("<svg");
    if (svg < 0) {
      return false;
    }
    // Only an XML declaration, comments and a doctype may come before the root element.
    String before = text.substring(0, svg).replaceAll("(?s)<\\?xml.*?\\?>|<!--.*?-->", "");
    before = before.replaceAll("(?s)<!doctype svg[^>]*>", "").strip();
    return before.isEmpty();
  }

  private static String leadingText(byte[] head, int length) {
    int start = 0;
    if (length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    return new String(head, start, length - start, StandardCharsets.UTF_8)
        .stripLeading()
        .toLowerCase(Locale.ROOT);
  }

  private static boolean starts(byte[] head, int length, int... signature) {
    if (length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((head[i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsAscii(byte[] head, int length, int offset, String ascii) {
    if (length < offset + ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (head[offset + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
