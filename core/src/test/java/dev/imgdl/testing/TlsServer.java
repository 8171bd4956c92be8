package dev.imgdl.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;

/**
 * An https server on 127.0.0.1 with a certificate made by the test, offering HTTP/2 and
 * HTTP/1.1, serving fixed bodies by path (404 otherwise) and recording the protocol of each
 * request it served.
 */
public final class TlsServer implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
  private final List<String> versions = new CopyOnWriteArrayList<>();
  private final HeldCertificate certificate;

  private TlsServer(HeldCertificate certificate) {
    this.certificate = certificate;
  }

  /** A self-signed certificate for 127.0.0.1 and localhost. */
  public static HeldCertificate selfSigned() {
    return selfSigned("127.0.0.1", "localhost");
  }

  /** A self-signed certificate for {@code names}. */
  public static HeldCertificate selfSigned(String... names) {
    HeldCertificate.Builder builder = new HeldCertificate.Builder().commonName("imgdl test");
    for (String name : names) {
      builder.addSubjectAlternativeName(name);
    }
    return builder.build();
  }

  public static TlsServer start(HeldCertificate certificate) {
    TlsServer tls = new TlsServer(certificate);
    HandshakeCertificates server =
        new HandshakeCertificates.Builder().heldCertificate(certificate).build();
    tls.server.useHttps(server.sslSocketFactory());
    tls.server.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
    tls.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        tls.versions.add(request.getVersion());
        byte[] body = tls.bodies.get(request.getUrl().encodedPath());
        if (body == null) {
          return new MockResponse.Builder().code(404).build();
        }
        return new MockResponse.Builder().body(new Buffer().write(body)).build();
      }
    });
    try {
      tls.server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tls;
  }

  public TlsServer serve(String path, byte[] body) {
    bodies.put(path, body);
    return this;
  }

  /** The URL of {@code path}, by IP address. */
  public String url(String path) {
    return "https://127.0.0.1:" + server.getPort() + path;
  }

  /** The URL of {@code path} on {@code host}, at this server's port. */
  public String url(String host, String path) {
    return "https://" + host + ":" + server.getPort() + path;
  }

  public int port() {
    return server.getPort();
  }

  /** The HTTP version of each request served, oldest first ({@code HTTP/2}, ...). */
  public List<String> versions() {
    return List.copyOf(versions);
  }

  /** Writes the server's certificate as PEM to {@code file}. */
  public Path writePem(Path file) {
    try {
      return Files.writeString(file, certificate.certificatePem(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
