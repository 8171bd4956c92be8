package dev.imgdl.core.image;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a body that is no image looks like from its first bytes, so that a failure can say what
 * came instead (an error page, a JSON quota message, an archive) beside what the server claimed
 * in {@code Content-Type}. A guess for people, never used to accept or refuse a body.
 */
public enum SniffedType {
  EMPTY("empty"),
  HTML("HTML"),
  JSON("JSON"),
  XML("XML"),
  PDF("PDF"),
  GZIP("gzip"),
  ZIP("zip"),
  TEXT("text"),
  UNKNOWN("unrecognized data");

  private final String label;

  SniffedType(String label) {
    this.label = label;
  }

  /** How a failure line names it: {@code body is HTML}. */
  public String label() {
    return label;
  }

  /** The type of {@code head[0..length)}, the first bytes of a body (or all of a short one). */
  public static SniffedType of(byte[] head, int length) {
    if (length == 0) {
      return EMPTY;
    }
    if (starts(head, length, "%PDF-")) {
      return PDF;
    }
    if (length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
      return GZIP;
    }
    if (starts(head, length, "PK\u0003\u0004") || starts(head, length, "PK\u0005\u0006")) {
      return ZIP;
    }
    if (!isText(head, length)) {
      return UNKNOWN;
    }
    if (ImageFormat.looksLikeHtml(head, length)) {
      return HTML;
    }
    String text = new String(head, 0, length, StandardCharsets.UTF_8).strip();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1).strip();
    }
    if (text.startsWith("{") || text.startsWith("[")) {
      return JSON;
    }
    return text.startsWith("<") ? XML : TEXT;
  }

  /**
   * Whether a server's {@code Content-Type} (its media type, lower case, without parameters)
   * says what this body is, so that naming both would only repeat it.
   */
  public boolean claimedBy(String mime) {
    String m = mime.toLowerCase(Locale.ROOT);
    return switch (this) {
      case EMPTY -> false;
      case HTML -> m.equals("text/html") || m.equals("application/xhtml+xml");
      case JSON -> m.equals("application/json") || m.equals("text/json") || m.endsWith("+json");
      case XML -> m.equals("application/xml") || m.equals("text/xml") || m.endsWith("+xml");
      case PDF -> m.equals("application/pdf");
      case GZIP -> m.equals("application/gzip") || m.equals("application/x-gzip");
      case ZIP -> m.equals("application/zip") || m.equals("application/x-zip-compressed");
      case TEXT -> m.startsWith("text/");
      case UNKNOWN -> m.equals("application/octet-stream") || m.equals("binary/octet-stream");
    };
  }

  // Text has no C0 controls but the usual whitespace (and ESC, which terminals' logs hold).
  private static boolean isText(byte[] head, int length) {
    for (int i = 0; i < length; i++) {
      int b = head[i] & 0xFF;
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) {
        return false;
      }
    }
    return true;
  }

  private static boolean starts(byte[] head, int length, String ascii) {
    if (length < ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (head[i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
