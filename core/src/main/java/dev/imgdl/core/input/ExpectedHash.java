package dev.imgdl.core.input;

import java.util.Locale;

/**
 * The hash a table row says its image has ({@code --verify-hash}), compared with the hash of the
 * body as received, before anything is done to it. Hex only, in any case: base64 is refused, so
 * that a value is read one way only.
 *
 * @param algorithm which digest the column holds
 * @param hex the expected digest, lowercase hex of the algorithm's length
 */
public record ExpectedHash(Algorithm algorithm, String hex) {
  /** Digits of each hash a mismatch shows: enough to tell them apart, few enough to read. */
  private static final int SHOWN = 12;

  /** The digests {@code --verify-hash} knows; SHA-256 is computed for every body anyway. */
  public enum Algorithm {
    SHA256(64),
    MD5(32);

    private final int hexDigits;

    Algorithm(int hexDigits) {
      this.hexDigits = hexDigits;
    }

    /** The name as the option spells it: {@code sha256}, {@code md5}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The algorithm of a label in any case, or null. */
    public static Algorithm of(String label) {
      for (Algorithm a : values()) {
        if (a.label().equalsIgnoreCase(label)) {
          return a;
        }
      }
      return null;
    }

    /** {@code a sha256}, {@code an md5}: how a reason names one. */
    String article() {
      return (this == MD5 ? "an " : "a ") + label();
    }

    int hexDigits() {
      return hexDigits;
    }
  }

  public ExpectedHash {
    if (!holdsHash(algorithm, hex)) {
      throw new IllegalArgumentException("not " + algorithm.article() + " hash: " + hex);
    }
    hex = hex.toLowerCase(Locale.ROOT);
  }

  /** The hash {@code text} holds (hex in any case, blanks around it ignored), or null if none. */
  public static ExpectedHash parse(Algorithm algorithm, String text) {
    String hex = text == null ? "" : text.strip();
    return holdsHash(algorithm, hex) ? new ExpectedHash(algorithm, hex) : null;
  }

  /** {@code md5:1a2b…}: the form that crosses the pipe and fills a Spark column. */
  public String text() {
    return algorithm.label() + ":" + hex;
  }

  /** The inverse of {@link #text}; null for null. */
  public static ExpectedHash ofText(String text) {
    if (text == null) {
      return null;
    }
    int colon = text.indexOf(':');
    Algorithm algorithm = colon < 0 ? null : Algorithm.of(text.substring(0, colon));
    if (algorithm == null) {
      throw new IllegalArgumentException("not an expected hash: " + text);
    }
    return new ExpectedHash(algorithm, text.substring(colon + 1));
  }

  /**
   * The error of a body whose digest in this algorithm is {@code actual} (lowercase hex), or
   * null when it is the expected one: {@code hash mismatch (md5: expected 1a2b…, got 9f8e…)}.
   */
  public String mismatch(String actual) {
    if (hex.equals(actual)) {
      return null;
    }
    return "hash mismatch (" + algorithm.label() + ": expected " + shown(hex) + ", got "
        + shown(actual) + ")";
  }

  private static String shown(String hex) {
    return hex == null ? "nothing" : hex.substring(0, Math.min(SHOWN, hex.length())) + "…";
  }

  private static boolean holdsHash(Algorithm algorithm, String hex) {
    return hex != null && hex.length() == algorithm.hexDigits()
        && hex.chars().allMatch(ExpectedHash::isHex);
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
