package dev.imgdl.core.download;

import static dev.imgdl.testing.RawHttpServer.chunked;
import static dev.imgdl.testing.RawHttpServer.response;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import dev.imgdl.testing.RawHttpServer;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Responses whose headers do not say plainly how long the body is. Such a body cannot be trusted
 * to be whole, so the entry fails at once, before the body is read; no retry would mend it.
 */
class FetcherFramingTest extends FetcherTestCase {
  /** A PNG signature and two more bytes: enough to be taken for an image. */
  private static final byte[] PNG = Arrays.copyOf(Images.png(300), 10);
  private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n";

  private RawHttpServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = RawHttpServer.start();
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  @Test
  void failsAtOnceOnTwoContentLengthHeadersThatDisagree() throws Exception {
    server.respond("/a.png",
        response(OK + "Content-Length: 69\r\nContent-Length: 10\r\n", PNG));

    Result result = downloads.fetch(server.url("/a.png"));

    assertFailedAtOnce(result, "bad response: conflicting Content-Length headers (69, 10)");
  }

  @Test
  void showsAFewOfManyContentLengthValuesThatDisagree() throws Exception {
    StringBuilder values = new StringBuilder("10");
    for (int i = 11; i < 5_000; i++) {
      values.append(", ").append(i);
    }
    server.respond("/a.png", response(OK + "Content-Length: " + values + "\r\n", PNG));

    Result result = downloads.fetch(server.url("/a.png"));

    assertFailedAtOnce(result,
        "bad response: conflicting Content-Length headers (10, 11, 12, 13, …)");
  }

  @Test
  void failsAtOnceOnAContentLengthListThatDisagrees() throws Exception {
    server.respond("/a.png", response(OK + "Content-Length: 10, 69\r\n", PNG));

    Result result = downloads.fetch(server.url("/a.png"));

    assertFailedAtOnce(result, "bad response: conflicting Content-Length headers (10, 69)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-5", "-1", "ten", "+10", "0x0A", "1e1", "10;", "99999999999999999999"})
  void failsAtOnceOnAContentLengthThatIsNotANumberOfBytes(String value) throws Exception {
    server.respond("/a.png", response(OK + "Content-Length: " + value + "\r\n", PNG));

    Result result = downloads.fetch(server.url("/a.png"));

    assertFailedAtOnce(result, "bad response: invalid Content-Length (" + value + ")");
  }

  @Test
  void failsAtOnceOnContentLengthHeadersThatDisagreeOnAGzippedBody() throws Exception {
    // Above the network layer OkHttp drops the Content-Length of a body it unzips.
    byte[] gzip = Images.gzip(Images.png(300));
    server.respond("/a.png", response(OK + "Content-Encoding: gzip\r\nContent-Length: 9999\r\n"
        + "Content-Length: " + gzip.length + "\r\n", gzip));

    Result result = downloads.fetch(server.url("/a.png"));

    assertFailedAtOnce(result,
        "bad response: conflicting Content-Length headers (9999, " + gzip.length + ")");
  }

  @Test
  void failsAtOnceOnAnEmptyContentLength() throws Exception {
    server.respond("/a.png", response(OK + "Content-Length:\r\n", PNG));

    Result result = downloads.fetch(server.url("/a.png"));

    assertFailedAtOnce(result, "bad response: invalid Content-Length ()");
  }

  @Test
  void showsAnInvalidContentLengthShortAndWithoutControlCharacters() throws Exception {
    server.respond("/a.png",
        response(OK + "Content-Length: 1\u001b[2J" + "9".repeat(60) + "\r\n", PNG));

    Result result = downloads.fetch(server.url("/a.png"));

    assertFailedAtOnce(result, "bad response: invalid Content-Length (1\\x1b[2J"
        + "9".repeat(40 - 5) + "…)");
  }

  @Test
  void acceptsRepeatedContentLengthHeadersThatAgree() throws Exception {
    server.respond("/a.png",
        response(OK + "Content-Length: 10\r\nContent-Length: 10\r\n", PNG));

    Result result = downloads.fetch(server.url("/a.png"));

    assertDownloaded(result);
  }

  @Test
  void framesABodyByAContentLengthListThatAgreesWithoutWaitingForTheConnectionToClose()
      throws Exception {
    // OkHttp cannot parse "10, 10" and would read until the server closes, which a keep-alive
    // server never does: the entry would end in a timeout.
    server.respondAndHold("/a.png", response(OK + "Content-Length: 10, 10\r\n", PNG));

    Result result = downloads.timeout(1_000).deadline(30_000).retries(0)
        .fetch(server.url("/a.png"));

    assertDownloaded(result);
  }

  @Test
  void refusesAContentLengthListAboveMaxSizeBeforeReadingTheBody() throws Exception {
    server.respondAndHold("/big.png",
        response(OK + "Content-Length: 2048, 2048\r\n", Images.png(1024)));

    Result result = downloads.maxSize(1024).timeout(30_000).fetch(server.url("/big.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("too large (> 1 KiB)");
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void failsAtOnceOnAChunkedBodyShorterThanItsContentLength() throws Exception {
    server.respond("/a.png", response(
        OK + "Content-Length: 69\r\nTransfer-Encoding: chunked\r\n", chunked(PNG, 4, true)));

    Result result = downloads.fetch(server.url("/a.png"));

    assertFailedAtOnce(result, "bad response: Content-Length 69 but a chunked body of 10 bytes");
  }

  @Test
  void failsAtOnceOnAChunkedBodyLongerThanItsContentLength() throws Exception {
    server.respond("/a.png", response(
        OK + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n", chunked(PNG, 4, true)));

    Result result = downloads.fetch(server.url("/a.png"));

    assertFailedAtOnce(result, "bad response: Content-Length 4 but a chunked body of 10 bytes");
  }

  @Test
  void acceptsAChunkedBodyThatMatchesItsContentLength() throws Exception {
    server.respond("/a.png", response(
        OK + "Content-Length: 10\r\nTransfer-Encoding: chunked\r\n", chunked(PNG, 4, true)));

    Result result = downloads.fetch(server.url("/a.png"));

    assertDownloaded(result);
  }

  @Test
  void retriesAChunkedBodyCutOffBeforeItsLastChunk() throws Exception {
    server.respond("/a.png", response(
        OK + "Content-Length: 10\r\nTransfer-Encoding: chunked\r\n", chunked(PNG, 4, false)));

    Result result = downloads.retries(1).fetch(server.url("/a.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).startsWith("connection error: ").endsWith(" after 2 attempts");
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(server.requests("/a.png")).isEqualTo(2);
    assertThat(downloads.files()).isEmpty();
  }

  private void assertFailedAtOnce(Result result, String error) throws Exception {
    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo(error);
    assertThat(result.httpStatus()).isEqualTo(200);
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(server.requests("/a.png")).isEqualTo(1);
    assertThat(downloads.files()).isEmpty();
  }

  private void assertDownloaded(Result result) throws Exception {
    assertThat(result.status()).as(result.error()).isEqualTo(Status.DOWNLOADED);
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.bytes()).isEqualTo(PNG.length);
    assertThat(result.sha256()).isEqualTo(Images.sha256(PNG));
    assertThat(downloads.files()).containsExactly("a.png");
    assertThat(downloads.read("a.png")).isEqualTo(PNG);
  }
}
