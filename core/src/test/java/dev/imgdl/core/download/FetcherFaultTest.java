package dev.imgdl.core.download;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Broken servers: dropped connections, garbage, bodies cut short, and content encodings. */
class FetcherFaultTest extends FetcherTestCase {
  @RegisterExtension static WireMockExtension server = Downloads.server();

  @ParameterizedTest
  @EnumSource(Fault.class)
  void retriesABrokenConnectionThenFails(Fault fault) throws Exception {
    server.stubFor(get("/broken.png").willReturn(ok().withFault(fault)));

    Result result = downloads.retries(2).fetch(Downloads.url(server, "/broken.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).startsWith("connection error: ").endsWith(" after 3 attempts");
    assertThat(result.attempts()).isEqualTo(3);
    server.verify(3, getRequestedFor(urlEqualTo("/broken.png")));
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void failsOnABodyShorterThanItsContentLength() throws Exception {
    byte[] body = Images.png(1_000);
    // Dribbling puts the 1000 bytes on the wire before the server gives up on the other 3000.
    server.stubFor(get("/short.png").willReturn(ok()
        .withHeader("Content-Length", "4000").withBody(body).withChunkedDribbleDelay(2, 20)));

    Result result = downloads.retries(1).fetch(Downloads.url(server, "/short.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error())
        .isEqualTo("connection error: unexpected end of stream after 2 attempts");
    assertThat(result.attempts()).isEqualTo(2);
    server.verify(2, getRequestedFor(urlEqualTo("/short.png")));
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void failsOnABrokenGzipStream() throws Exception {
    byte[] gzip = Images.gzip(Images.png(2_000));
    byte[] broken = Arrays.copyOf(gzip, gzip.length);
    Arrays.fill(broken, 20, broken.length, (byte) 0x55);
    server.stubFor(get("/zipped.png").willReturn(ok()
        .withHeader("Content-Type", "image/png")
        .withHeader("Content-Encoding", "gzip")
        .withBody(broken)));

    Result result = downloads.retries(1).fetch(Downloads.url(server, "/zipped.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).startsWith("connection error: ");
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void failsOnGarbageDeclaredAsGzip() throws Exception {
    server.stubFor(get("/zipped.png").willReturn(ok()
        .withHeader("Content-Encoding", "gzip")
        .withBody(Images.png(500))));

    Result result = downloads.retries(1).fetch(Downloads.url(server, "/zipped.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).startsWith("connection error: ");
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void savesAGzipEncodedImageAsTheImageItself() throws Exception {
    byte[] png = Images.png(5_000);
    server.stubFor(get("/zipped.png").willReturn(ok()
        .withHeader("Content-Type", "image/png")
        .withHeader("Content-Encoding", "gzip")
        .withBody(Images.gzip(png))));

    Result result = downloads.fetch(Downloads.url(server, "/zipped.png"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(result.bytes()).isEqualTo(png.length);
    assertThat(result.sha256()).isEqualTo(Images.sha256(png));
    assertThat(downloads.files()).containsExactly("zipped.png");
    assertThat(downloads.read("zipped.png")).isEqualTo(png);
  }

  @Test
  void savesAChunkedImageWhole() throws Exception {
    byte[] png = Images.png(50_000);
    server.stubFor(get("/chunks").willReturn(ok().withBody(png).withChunkedDribbleDelay(10, 100)));
    assertThat(Downloads.declaredLength(server, "/chunks")).as("declared length").isNull();

    Result result = downloads.fetch(Downloads.url(server, "/chunks"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(result.file()).isEqualTo("chunks.png");
    assertThat(result.sha256()).isEqualTo(Images.sha256(png));
    assertThat(downloads.files()).containsExactly("chunks.png");
    assertThat(downloads.read("chunks.png")).isEqualTo(png);
  }
}
