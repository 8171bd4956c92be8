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
import java.nio.charset.StandardCharsets;
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
    assertThat(result.error()).isEqualTo("not an image (server said image/png, body is HTML)");
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(downloads.files()).isEmpty();
  }

  static Stream<Arguments> claimedAndSeen() {
    byte[] pdf = "%PDF-1.7\n1 0 obj".getBytes(StandardCharsets.US_ASCII);
    byte[] gzip = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};
    byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
    return Stream.of(
        Arguments.of("image/jpeg", ascii(" {\"error\": \"quota\"}"),
            "not an image (server said image/jpeg, body is JSON)"),
        Arguments.of("image/webp", ascii("<?xml version=\"1.0\"?><Error/>"),
            "not an image (server said image/webp, body is XML)"),
        Arguments.of("image/jpeg", ascii("Access denied\n"),
            "not an image (server said image/jpeg, body is text)"),
        Arguments.of("image/png; q=1", pdf, "not an image (server said image/png, body is PDF)"),
        Arguments.of("image/gif", gzip, "not an image (server said image/gif, body is gzip)"),
        Arguments.of("image/bmp", zip, "not an image (server said image/bmp, body is zip)"),
        Arguments.of("image/jpeg", new byte[] {0, 1, 2, 3, (byte) 0xfe},
            "not an image (server said image/jpeg, body is unrecognized data)"),
        Arguments.of("application/json", ascii("[1, 2]"), "not an image (application/json)"),
        Arguments.of("text/plain; charset=utf-8", ascii("hello"), "not an image (text/plain)"),
        Arguments.of("application/pdf", pdf, "not an image (application/pdf)"),
        Arguments.of("image/x" + "y".repeat(300), ascii("{}"),
            "not an image (server said image/x" + "y".repeat(193)
                + "… (107 more characters), body is JSON)"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("claimedAndSeen")
  void namesTheTypeSeenBesideTheTypeClaimedWhenTheyDiffer(String type, byte[] body,
      String error) throws Exception {
    server.stubFor(get("/x").willReturn(ok().withHeader("Content-Type", type).withBody(body)));

    Result result = downloads.fetch(Downloads.url(server, "/x"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo(error);
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void namesTheTypeSeenWhenNoneIsClaimed() throws Exception {
    server.stubFor(get("/x").willReturn(ok().withBody(ascii("{\"a\": 1}"))));

    Result result = downloads.fetch(Downloads.url(server, "/x"));

    assertThat(result.error()).isEqualTo("not an image (body is JSON)");
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
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
    assertThat(result.error()).isEqualTo("not an image (server said image/gif, body is empty)");
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
    // The one that starts 00 00 01 00 holds NULs: no text, whatever the server said.
    assertThat(result.error()).isIn("not an image (text/plain)",
        "not an image (server said text/plain, body is unrecognized data)");
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
    // The body would take 120 s to arrive, past the 60 s deadline: reading it would end at the
    // deadline, so only a refusal on the header gives "too large". The timeout is long so that a
    // loaded machine's slow headers are not a retry (it was 2 s, and flaked).
    server.stubFor(get("/big.png").willReturn(ok()
        .withHeader("Content-Length", String.valueOf(body.length))
        .withBody(body)
        .withChunkedDribbleDelay(20, 120_000)));

    Result result = downloads.maxSize(1024).timeout(30_000).deadline(60_000)
        .fetch(Downloads.url(server, "/big.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("too large (> 1 KiB)");
    assertThat(result.httpStatus()).isEqualTo(200);
    assertThat(result.attempts()).isEqualTo(1);
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
