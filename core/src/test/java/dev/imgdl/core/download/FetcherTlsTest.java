package dev.imgdl.core.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.config.Network;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.TlsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/** https servers with certificates the JDK does not trust, made by the test; and HTTP/2. */
class FetcherTlsTest extends FetcherTestCase {
  private static Network caCert(String file) {
    return new Network(null, null, null, List.of(), file, false);
  }

  private static final Network INSECURE = new Network(null, null, null, List.of(), null, true);

  @Test
  void selfSignedCertificateFailsOnceWithTheFixInWords() {
    try (TlsServer server = TlsServer.start(TlsServer.selfSigned())) {
      server.serve("/a.png", Images.png());
      Result result = downloads.fetch(server.url("/a.png"));

      assertThat(result.status()).isEqualTo(Status.FAILED);
      assertThat(result.error()).isEqualTo(
          "certificate not trusted (self-signed): use --cacert FILE, or --insecure");
      assertThat(result.attempts()).isEqualTo(1);
    }
  }

  @Test
  void certificateOfAnUnknownIssuerSaysSo() {
    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).build();
    HeldCertificate leaf = new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1")
        .signedBy(root).build();
    try (TlsServer server = TlsServer.start(leaf)) {
      server.serve("/a.png", Images.png());
      Result result = downloads.fetch(server.url("/a.png"));

      assertThat(result.error()).isEqualTo(
          "certificate not trusted (unknown issuer): use --cacert FILE, or --insecure");
    }
  }

  @Test
  void selfSignedCertificateIsTrustedWithCaCertAndServedOverHttp2() {
    try (TlsServer server = TlsServer.start(TlsServer.selfSigned())) {
      server.serve("/a.png", Images.png());
      String pem = server.writePem(dir.resolve("ca.pem")).toString();
      Result result = downloads.network(caCert(pem)).fetch(server.url("/a.png"));

      assertThat(result.status()).as(result.error()).isEqualTo(Status.DOWNLOADED);
      assertThat(server.versions()).containsExactly("HTTP/2");
    }
  }

  @Test
  void insecureAcceptsASelfSignedCertificateForAnotherHost() {
    HeldCertificate other =
        new HeldCertificate.Builder().addSubjectAlternativeName("other.example").build();
    try (TlsServer server = TlsServer.start(other)) {
      server.serve("/a.png", Images.png());
      Result result = downloads.network(INSECURE).fetch(server.url("/a.png"));

      assertThat(result.status()).as(result.error()).isEqualTo(Status.DOWNLOADED);
    }
  }

  @Test
  void hostNameThatDoesNotMatchNamesTheCertificatesNames() {
    HeldCertificate other =
        new HeldCertificate.Builder().addSubjectAlternativeName("other.example").build();
    try (TlsServer server = TlsServer.start(other)) {
      server.serve("/a.png", Images.png());
      String pem = server.writePem(dir.resolve("ca.pem")).toString();
      Result result = downloads.network(caCert(pem)).fetch(server.url("/a.png"));

      assertThat(result.error())
          .isEqualTo("host name does not match the certificate (it is for other.example)");
      assertThat(result.attempts()).isEqualTo(1);
    }
  }

  @Test
  void expiredCertificateOfATrustedIssuerSaysExpired() throws Exception {
    long now = System.currentTimeMillis();
    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).build();
    HeldCertificate expired = new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1")
        .validityInterval(now - TimeUnit.DAYS.toMillis(10), now - TimeUnit.DAYS.toMillis(1))
        .signedBy(root).build();
    try (TlsServer server = TlsServer.start(expired)) {
      server.serve("/a.png", Images.png());
      Path pem = Files.writeString(dir.resolve("ca.pem"), root.certificatePem());
      Result result = downloads.network(caCert(pem.toString())).fetch(server.url("/a.png"));

      assertThat(result.error()).isEqualTo("certificate expired");
      assertThat(result.attempts()).isEqualTo(1);
    }
  }
}
