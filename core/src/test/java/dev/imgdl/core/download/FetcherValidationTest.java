package dev.imgdl.core.download;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.imgdl.core.image.ImageFormat;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import dev.imgdl.testing.SampleFiles;
import dev.imgdl.testing.SampleFiles.Sample;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What is refused: error statuses, bodies that are not images, bodies that are too large. */
class FetcherValidationTest extends FetcherTestCase {
  @RegisterExtension static WireMockExtension server = Downloads.server();

  @Test
  void failsAtOnceOn404() throws Exception {
    server.stubFor(get("/gone.png").willReturn(notFound().withBody("no such picture")));

    Result result = downloads.fetch(Downloads.url(server, "/gone.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("HTTP 404");
    assertThat(result.httpStatus()).isEqualTo(404);
    assertThat(result.attempts()).isEqualTo(1);
    server.verify(1, getRequestedFor(urlEqualTo("/gone.png")));
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void refusesAnHtmlPageAtAnImageUrl() throws Exception {
    server.stubFor(get("/pic.jpg").willReturn(
        ok().withHeader("Content-Type", "text/html; charset=utf-8").withBody(Images.html())));

    Result result = downloads.fetch(Downloads.url(server, "/pic.jpg"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("not an image (text/html)");
    assertThat(result.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(result.attempts()).isEqualTo(1);
    server.verify(1, getRequestedFor(urlEqualTo("/pic.jpg")));
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void refusesAnHtmlBodyThatClaimsToBeAPng() throws Exception {
    server.stubFor(get("/pic.png").willReturn(
        ok().withHeader("Content-Type", "image/png").withBody(Images.html())));

    Result result = downloads.fetch(Downloads.url(server, "/pic.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("not an image (text/html)");
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void refusesDataWithNoImageSignatureNamingItsType() throws Exception {
    server.stubFor(get("/blob").willReturn(ok()
        .withHeader("Content-Type", "application/octet-stream")
        .withBody(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})));

    Result result = downloads.fetch(Downloads.url(server, "/blob"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("not an image (application/octet-stream)");
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void refusesAnEmptyBody() throws Exception {
    server.stubFor(get("/empty.gif").willReturn(ok().withHeader("Content-Type", "image/gif")));

    Result result = downloads.fetch(Downloads.url(server, "/empty.gif"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("not an image (empty body)");
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void acceptsAPngServedAsPlainText() throws Exception {
    byte[] body = Images.of(ImageFormat.PNG);
    server.stubFor(get("/x").willReturn(
        ok().withHeader("Content-Type", "text/plain").withBody(body)));

    Result result = downloads.fetch(Downloads.url(server, "/x"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(result.file()).isEqualTo("x.png");
    assertThat(result.contentType()).isEqualTo("text/plain");
    assertThat(result.sha256()).isEqualTo(Images.sha256(body));
    assertThat(downloads.files()).containsExactly("x.png");
  }

  static Sample[] hostile() {
    return SampleFiles.hostile();
  }

  static Stream<Arguments> shortSignatureFiles() {
    return Stream.of(
            Arrays.stream(SampleFiles.jpegs()).map(s -> Arguments.of(s, "x.jpg")),
            Arrays.stream(SampleFiles.bmps()).map(s -> Arguments.of(s, "x.bmp")),
            Arrays.stream(SampleFiles.icos()).map(s -> Arguments.of(s, "x.ico")))
        .flatMap(s -> s);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void refusesTextThatStartsWithAShortImageSignature(Sample sample) throws Exception {
    server.stubFor(get("/x").willReturn(
        ok().withHeader("Content-Type", "text/plain").withBody(sample.bytes())));

    Result result = downloads.fetch(Downloads.url(server, "/x"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("not an image (text/plain)");
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(downloads.files()).isEmpty();
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("shortSignatureFiles")
  void savesRealFilesOfFormatsWithAShortSignature(Sample sample, String file) throws Exception {
    server.stubFor(get("/x").willReturn(ok().withBody(sample.bytes())));

    Result result = downloads.fetch(Downloads.url(server, "/x"));

    assertThat(result.status()).as(result.error()).isEqualTo(Status.DOWNLOADED);
    assertThat(downloads.files()).containsExactly(file);
    assertThat(downloads.read(file)).isEqualTo(sample.bytes());
  }

  @Test
  void recognizesABitmapWhoseHeadersArriveAFewBytesAtATime() throws Exception {
    byte[] bmp = SampleFiles.bmpByHand(40);
    server.stubFor(get("/x").willReturn(ok().withBody(bmp).withChunkedDribbleDelay(20, 200)));

    Result result = downloads.fetch(Downloads.url(server, "/x"));

    assertThat(result.status()).as(result.error()).isEqualTo(Status.DOWNLOADED);
    assertThat(downloads.files()).containsExactly("x.bmp");
  }

  @Test
  void anyTypeKeepsTextThatStartsLikeABitmapUnderItsOwnName() throws Exception {
    byte[] body = SampleFiles.hostile()[0].bytes();
    server.stubFor(get("/notes.txt").willReturn(ok().withBody(body)));

    Result result = downloads.anyType().fetch(Downloads.url(server, "/notes.txt"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(downloads.files()).containsExactly("notes.txt");
  }

  @Test
  void anyTypeAcceptsAnHtmlPage() throws Exception {
    byte[] body = Images.html();
    server.stubFor(get("/page.html").willReturn(
        ok().withHeader("Content-Type", "text/html").withBody(body)));

    Result result = downloads.anyType().fetch(Downloads.url(server, "/page.html"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(result.file()).isEqualTo("page.html");
    assertThat(result.sha256()).isEqualTo(Images.sha256(body));
    assertThat(downloads.files()).containsExactly("page.html");
    assertThat(downloads.read("page.html")).isEqualTo(body);
  }

  @Test
  void refusesADeclaredLengthAboveMaxSizeBeforeReadingTheBody() throws Exception {
    byte[] body = Images.png(2048);
    // The body would take 10 s to arrive: only a refusal on the header can be quick.
    server.stubFor(get("/big.png").willReturn(ok()
        .withHeader("Content-Length", String.valueOf(body.length))
        .withBody(body)
        .withChunkedDribbleDelay(20, 10_000)));

    Result result = downloads.maxSize(1024).fetch(Downloads.url(server, "/big.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("too large (> 1 KiB)");
    assertThat(result.httpStatus()).isEqualTo(200);
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.millis()).isLessThan(3_000);
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void cutsOffABodyWithoutLengthThatGrowsPastMaxSize() throws Exception {
    server.stubFor(get("/big.png").willReturn(ok().withBody(Images.png(8192))
        .withChunkedDribbleDelay(4, 40)));
    assertThat(Downloads.declaredLength(server, "/big.png")).as("declared length").isNull();
    server.resetRequests();

    Result result = downloads.maxSize(1024).fetch(Downloads.url(server, "/big.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("too large (> 1 KiB)");
    assertThat(result.attempts()).isEqualTo(1);
    server.verify(1, getRequestedFor(urlEqualTo("/big.png")));
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void acceptsABodyOfExactlyMaxSize() throws Exception {
    byte[] body = Images.png(1024);
    server.stubFor(get("/fits.png").willReturn(ok()
        .withHeader("Content-Length", "1024").withBody(body)));

    Result result = downloads.maxSize(1024).fetch(Downloads.url(server, "/fits.png"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(result.bytes()).isEqualTo(1024);
    assertThat(downloads.files()).containsExactly("fits.png");
  }
}
