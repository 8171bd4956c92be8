package dev.imgdl.download;

import java.io.IOException;
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

  private CaCertificates() {}

  /**
   * The certificates in {@code file}; throws {@link IOException} when it cannot be read, and
   * {@link IllegalArgumentException} when it holds no certificate or a malformed one.
   */
  public static List<X509Certificate> read(Path file) throws IOException {
    String pem = Files.readString(file, StandardCharsets.ISO_8859_1);
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
}
