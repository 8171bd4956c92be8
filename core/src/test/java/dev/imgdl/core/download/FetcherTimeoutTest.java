package dev.imgdl.core.download;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.imgdl.core.image.ImageFormat;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Servers that are slow: {@code --timeout} for silence, {@code --deadline} for the whole entry. */
class FetcherTimeoutTest extends FetcherTestCase {
  private static final long MARGIN_MILLIS = 750;

  @RegisterExtension static WireMockExtension server = Downloads.server();

  @Test
  void retriesAResponseSlowerThanTheTimeout() throws Exception {
    byte[] body = Images.of(ImageFormat.PNG);
    server.stubFor(get("/slow.png").inScenario("slow").whenScenarioStateIs(STARTED)
        .willReturn(ok().withBody(body).withFixedDelay(1_500)).willSetStateTo("fast"));
    server.stubFor(get("/slow.png").inScenario("slow").whenScenarioStateIs("fast")
        .willReturn(ok().withBody(body)));

    Result result = downloads.timeout(500).fetch(Downloads.url(server, "/slow.png"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(result.attempts()).isEqualTo(2);
    server.verify(2, getRequestedFor(urlEqualTo("/slow.png")));
    assertThat(downloads.files()).containsExactly("slow.png");
  }

  @Test
  void failsWithTheTimeoutWhenEveryResponseIsTooSlow() throws Exception {
    server.stubFor(get("/slow.png")
        .willReturn(ok().withBody(Images.of(ImageFormat.PNG)).withFixedDelay(1_500)));

    Result result = downloads.timeout(500).retries(1).fetch(Downloads.url(server, "/slow.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("timeout after 500ms after 2 attempts");
    assertThat(result.attempts()).isEqualTo(2);
    server.verify(2, getRequestedFor(urlEqualTo("/slow.png")));
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void cutsOffABodyThatDribblesPastTheDeadline() throws Exception {
    // Every piece comes well within the timeout; only the deadline can stop this.
    server.stubFor(get("/drip.png").willReturn(ok()
        .withBody(Images.png(4_000)).withChunkedDribbleDelay(40, 8_000)));

    Result result = downloads.timeout(1_000).deadline(1_000).retries(3)
        .fetch(Downloads.url(server, "/drip.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).startsWith("deadline").contains("1s").contains("exceeded");
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.millis()).isLessThan(1_000 + MARGIN_MILLIS);
    server.verify(1, getRequestedFor(urlEqualTo("/drip.png")));
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void deadlineCutsOffAServerThatSendsNothingWithinTheTimeout() throws Exception {
    server.stubFor(get("/stuck.png")
        .willReturn(ok().withBody(Images.of(ImageFormat.PNG)).withFixedDelay(3_000)));

    Result result = downloads.timeout(5_000).deadline(1_000)
        .fetch(Downloads.url(server, "/stuck.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("deadline 1s exceeded");
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.millis()).isLessThan(1_000 + MARGIN_MILLIS);
    assertThat(downloads.files()).isEmpty();
  }
}
