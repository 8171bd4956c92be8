package dev.imgdl.core.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.tls.Certificates;

/**
 * The certificates of a PEM file given to {@code --cacert}: every {@code BEGIN CERTIFICATE}
 * block in it, other blocks (keys, comments) ignored. A file with none is refused, since trusting
 * nothing more is surely not what the user meant.
 */
public final class CaCertificates {
  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN CERTIFICATE-----[^-]*-----END CERTIFICATE-----");

  /** Far above any CA bundle (the Mozilla bundle is about 220 KiB), far below the heap. */
  static final int MAX_BYTES = 16 * 1024 * 1024;

  private CaCertificates() {}

  /**
   * The certificates in {@code file}; throws {@link IOException} when it cannot be read, and
   * {@link IllegalArgumentException} when it holds no certificate or a malformed one.
   */
  public static List<X509Certificate> read(Path file) throws IOException {
    String pem = new String(bytes(file), StandardCharsets.ISO_8859_1);
    List<X509Certificate> certificates = new ArrayList<>();
    Matcher m = BLOCK.matcher(pem);
    while (m.find()) {
      try {
        certificates.add(Certificates.decodeCertificatePem(m.group()));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("a malformed certificate in PEM");
      }
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    return certificates;
  }

  /**
   * The file's bytes, at most {@link #MAX_BYTES}. Only a regular file is read: a pipe or a device
   * could block the run for ever before it can take a signal, or never end, and the file is read
   * again by every worker process, which a pipe would not allow.
   */
  private static byte[] bytes(Path file) throws IOException {
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new IllegalArgumentException("not a regular file (a pipe or a device cannot be used)");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IllegalArgumentException(
            "larger than " + MAX_BYTES / (1024 * 1024) + " MiB, too large for a PEM file");
      }
      return bytes;
    }
  }
}
