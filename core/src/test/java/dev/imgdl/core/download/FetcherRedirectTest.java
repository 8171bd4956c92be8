package dev.imgdl.core.download;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.imgdl.core.image.ImageFormat;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Redirects are followed by the core: at most 10, never in a loop, the name kept. */
class FetcherRedirectTest extends FetcherTestCase {
  @RegisterExtension static WireMockExtension server = Downloads.server();

  @Test
  void followsAChainOfRedirectsAndKeepsTheNamePlannedFromTheFirstUrl() throws Exception {
    byte[] body = Images.of(ImageFormat.PNG);
    redirect("/photo", 301, "/moved");
    redirect("/moved", 302, Downloads.url(server, "/cdn/"));
    redirect("/cdn/", 307, "x9f3.gif");
    server.stubFor(get("/cdn/x9f3.gif").willReturn(ok().withBody(body)));

    Result result = downloads.fetch(Downloads.url(server, "/photo"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(result.file()).isEqualTo("photo.png");
    assertThat(result.httpStatus()).isEqualTo(200);
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.sha256()).isEqualTo(Images.sha256(body));
    for (String path : new String[] {"/photo", "/moved", "/cdn/", "/cdn/x9f3.gif"}) {
      server.verify(1, getRequestedFor(urlEqualTo(path)));
    }
    assertThat(downloads.files()).containsExactly("photo.png");
  }

  @Test
  void theResultHasTheUrlOfTheLastResponseOnlyWhenRedirectsLedThere() throws Exception {
    redirect("/a.png", 302, "/b/a.png");
    server.stubFor(get("/b/a.png").willReturn(ok().withBody(Images.of(ImageFormat.PNG))));
    server.stubFor(get("/here.png").willReturn(ok().withBody(Images.of(ImageFormat.PNG))));
    redirect("/gone.png", 301, "/b/gone.png");
    server.stubFor(get("/b/gone.png").willReturn(status(404)));

    Result moved = downloads.fetch(Downloads.url(server, "/a.png"));
    Result here = downloads.fetch(Downloads.url(server, "/here.png")
        .replace("http://", "http://me:secret@"));
    Result gone = downloads.fetch(Downloads.url(server, "/gone.png"));

    assertThat(moved.finalUrl()).isEqualTo(Downloads.url(server, "/b/a.png"));
    assertThat(here.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(here.finalUrl()).isNull();
    assertThat(gone.httpStatus()).isEqualTo(404);
    assertThat(gone.finalUrl()).isEqualTo(Downloads.url(server, "/b/gone.png"));
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void followsEachRedirectStatus(int code) throws Exception {
    redirect("/old.jpg", code, "/new.jpg");
    server.stubFor(get("/new.jpg").willReturn(ok().withBody(Images.of(ImageFormat.JPEG))));

    Result result = downloads.fetch(Downloads.url(server, "/old.jpg"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(result.file()).isEqualTo("old.jpg");
    assertThat(downloads.files()).containsExactly("old.jpg");
  }

  @Test
  void followsTenRedirects() throws Exception {
    chainOfRedirects(10);

    Result result = downloads.fetch(Downloads.url(server, "/r0.png"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(result.file()).isEqualTo("r0.png");
    assertThat(downloads.files()).containsExactly("r0.png");
  }

  @Test
  void failsAtOnceOnTheEleventhRedirect() throws Exception {
    chainOfRedirects(11);

    Result result = downloads.fetch(Downloads.url(server, "/r0.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("too many redirects (> 10)");
    assertThat(result.httpStatus()).isEqualTo(302);
    assertThat(result.attempts()).isEqualTo(1);
    server.verify(0, getRequestedFor(urlEqualTo("/r11.png")));
    assertThat(server.getAllServeEvents()).hasSize(11);
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void failsAtOnceOnARedirectLoop() throws Exception {
    redirect("/a.png", 302, "/b.png");
    redirect("/b.png", 301, "/a.png");

    Result result = downloads.retries(3).fetch(Downloads.url(server, "/a.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("redirect loop");
    assertThat(result.attempts()).isEqualTo(1);
    server.verify(1, getRequestedFor(urlEqualTo("/a.png")));
    server.verify(1, getRequestedFor(urlEqualTo("/b.png")));
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void failsAtOnceOnARedirectToItself() throws Exception {
    redirect("/self.png", 307, Downloads.url(server, "/self.png"));

    Result result = downloads.retries(3).fetch(Downloads.url(server, "/self.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("redirect loop");
    assertThat(result.attempts()).isEqualTo(1);
    server.verify(1, getRequestedFor(urlEqualTo("/self.png")));
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void failsOnARedirectWithoutLocation() throws Exception {
    server.stubFor(get("/nowhere.png").willReturn(status(302)));

    Result result = downloads.fetch(Downloads.url(server, "/nowhere.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("HTTP 302 without a Location");
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void failsOnARedirectToAnotherScheme() throws Exception {
    redirect("/ftp.png", 301, "ftp://127.0.0.1/ftp.png");

    Result result = downloads.fetch(Downloads.url(server, "/ftp.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("redirect to a URL that is not http(s)");
    assertThat(downloads.files()).isEmpty();
  }

  /** {@code /r0.png} redirects to {@code /r1.png} and so on; {@code /r<count>.png} is a PNG. */
  private static void chainOfRedirects(int count) {
    for (int i = 0; i < count; i++) {
      redirect("/r" + i + ".png", 302, "/r" + (i + 1) + ".png");
    }
    byte[] body = Images.of(ImageFormat.PNG);
    server.stubFor(get("/r" + count + ".png").willReturn(ok().withBody(body)));
  }

  private static void redirect(String from, int code, String location) {
    server.stubFor(get(from).willReturn(status(code).withHeader("Location", location)));
  }
}
