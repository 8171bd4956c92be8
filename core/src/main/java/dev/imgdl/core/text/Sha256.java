package dev.imgdl.core.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as imgdl uses it: a digest to feed a body through, and short lowercase hex prefixes of
 * the hash of a text (UTF-8) for names. Every JVM has SHA-256, so its absence is a broken JVM,
 * thrown as an {@link IllegalStateException}, never a checked exception for each caller.
 */
public final class Sha256 {
  private Sha256() {}

  /** A new digest, for one stream of bytes. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /** The lowercase hex of a whole digest. */
  public static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  /** The first {@code bytes} bytes of the SHA-256 of {@code text} in UTF-8, as lowercase hex. */
  public static String hexPrefix(String text, int bytes) {
    byte[] digest = digest().digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, bytes);
  }
}
