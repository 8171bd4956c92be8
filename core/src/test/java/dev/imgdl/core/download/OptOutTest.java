package dev.imgdl.core.download;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Responses that opt out of datasets with X-Robots-Tag are neither saved nor retried. */
class OptOutTest extends FetcherTestCase {
  @RegisterExtension static WireMockExtension server = Downloads.server();

  private static ResponseDefinitionBuilder png() {
    return ok().withHeader("Content-Type", "image/png").withBody(Images.png(2048));
  }

  @ParameterizedTest
  @ValueSource(strings = {"noai", "NoAI", "noindex, nofollow", "nofollow,noimageai",
      "otherbot: noimageindex", "googlebot:noindex", "  NOIMAGEAI  "})
  void aDisallowedDirectiveIsNotSavedAndNotRetried(String value) throws Exception {
    server.stubFor(get("/a.png").willReturn(png().withHeader("X-Robots-Tag", value)));

    Result result = downloads.retries(3).fetch(Downloads.url(server, "/a.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).matches("opted out \\(X-Robots-Tag: no(ai|imageai|index|"
        + "imageindex)\\)");
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.httpStatus()).isEqualTo(200);
    server.verify(1, getRequestedFor(urlEqualTo("/a.png")));
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void theDirectiveMayBeInAnyOfSeveralHeaders() throws Exception {
    server.stubFor(get("/a.png").willReturn(png()
        .withHeader("X-Robots-Tag", "nofollow", "noarchive", "bingbot: noai")));

    Result result = downloads.fetch(Downloads.url(server, "/a.png"));

    assertThat(result.error()).isEqualTo("opted out (X-Robots-Tag: noai)");
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void otherDirectivesAndLookAlikesAreSaved() throws Exception {
    server.stubFor(get("/a.png").willReturn(png()
        .withHeader("X-Robots-Tag", "nofollow, noarchive, noaitraining, unavailable_after: 2030")));

    Result result = downloads.fetch(Downloads.url(server, "/a.png"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(downloads.files()).containsExactly("a.png");
  }

  @Test
  void anEmptyListTurnsTheCheckOff() throws Exception {
    server.stubFor(get("/a.png").willReturn(png().withHeader("X-Robots-Tag", "noai")));

    Result result = downloads.disallowedDirectives(List.of())
        .fetch(Downloads.url(server, "/a.png"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(downloads.files()).containsExactly("a.png");
  }

  @Test
  void aListOfItsOwnReplacesTheDefault() throws Exception {
    server.stubFor(get("/a.png").willReturn(png().withHeader("X-Robots-Tag", "noai")));
    server.stubFor(get("/b.png").willReturn(png().withHeader("X-Robots-Tag", "NoTrain")));
    downloads.disallowedDirectives(List.of("notrain"));

    assertThat(downloads.fetch(Downloads.url(server, "/a.png")).status())
        .isEqualTo(Status.DOWNLOADED);
    assertThat(downloads.fetch(Downloads.url(server, "/b.png")).error())
        .isEqualTo("opted out (X-Robots-Tag: notrain)");
  }

  @Test
  void anErrorResponseIsAnErrorWhateverItsRobotsTag() throws Exception {
    server.stubFor(get("/a.png").willReturn(serviceUnavailable().withHeader("X-Robots-Tag",
        "noai")));

    Result result = downloads.retries(0).fetch(Downloads.url(server, "/a.png"));

    assertThat(result.error()).isEqualTo("HTTP 503");
  }
}
