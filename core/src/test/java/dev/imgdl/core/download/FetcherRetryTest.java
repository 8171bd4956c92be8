package dev.imgdl.core.download;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.imgdl.core.image.ImageFormat;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failures are retried, how often, and how long imgdl waits in between. */
class FetcherRetryTest extends FetcherTestCase {
  @RegisterExtension static WireMockExtension server = Downloads.server();

  @Test
  void retriesAfter503TwiceThenSucceeds() throws Exception {
    byte[] body = Images.of(ImageFormat.JPEG);
    failThenServe("/flaky.jpg", body, serviceUnavailable(), serviceUnavailable());

    Result result = downloads.retries(3).fetch(Downloads.url(server, "/flaky.jpg"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(result.error()).isNull();
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(result.httpStatus()).isEqualTo(200);
    server.verify(3, getRequestedFor(urlEqualTo("/flaky.jpg")));
    assertThat(downloads.files()).containsExactly("flaky.jpg");
    assertThat(downloads.read("flaky.jpg")).isEqualTo(body);
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 425, 429, 500, 502, 503, 504, 522, 524})
  void retriesEachTransientStatus(int code) throws Exception {
    failThenServe("/pic.png", Images.of(ImageFormat.PNG), status(code));

    Result result = downloads.fetch(Downloads.url(server, "/pic.png"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(result.attempts()).isEqualTo(2);
    server.verify(2, getRequestedFor(urlEqualTo("/pic.png")));
    assertThat(downloads.files()).containsExactly("pic.png");
  }

  @Test
  void givesUpOnA503ThatNeverEndsAfterAllRetries() throws Exception {
    server.stubFor(get("/down.png").willReturn(serviceUnavailable()));

    Result result = downloads.retries(3).deadline(5_000)
        .fetch(Downloads.url(server, "/down.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("HTTP 503 after 4 attempts");
    assertThat(result.httpStatus()).isEqualTo(503);
    assertThat(result.attempts()).isEqualTo(4);
    server.verify(4, getRequestedFor(urlEqualTo("/down.png")));
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void countsEveryRequestAfterA408AsAnAttempt() throws Exception {
    server.stubFor(get("/t.png").willReturn(status(408)));

    Result result = downloads.retries(1).fetch(Downloads.url(server, "/t.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("HTTP 408 after 2 attempts");
    assertThat(result.attempts()).isEqualTo(2);
    server.verify(2, getRequestedFor(urlEqualTo("/t.png")));
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void retriesA503WithRetryAfterZeroAsOneMoreAttempt() throws Exception {
    failThenServe("/now.png", Images.of(ImageFormat.PNG),
        serviceUnavailable().withHeader("Retry-After", "0"));

    Result result = downloads.retries(1).fetch(Downloads.url(server, "/now.png"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(result.attempts()).isEqualTo(2);
    server.verify(2, getRequestedFor(urlEqualTo("/now.png")));
    assertThat(downloads.files()).containsExactly("now.png");
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 410, 451, 501})
  void failsAtOnceOnAStatusThatIsNotWorthRetrying(int code) throws Exception {
    server.stubFor(get("/no.png").willReturn(status(code)));

    Result result = downloads.fetch(Downloads.url(server, "/no.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("HTTP " + code);
    assertThat(result.attempts()).isEqualTo(1);
    server.verify(1, getRequestedFor(urlEqualTo("/no.png")));
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void waitsAsLongAsRetryAfterSecondsAsks() throws Exception {
    failThenServe("/busy.png", Images.of(ImageFormat.PNG),
        status(429).withHeader("Retry-After", "1"));

    Result result = downloads.deadline(3_000).fetch(Downloads.url(server, "/busy.png"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(result.attempts()).isEqualTo(2);
    // Backoff alone would wait at most 250 ms before the second attempt.
    assertThat(millisBetweenRequests()).isGreaterThanOrEqualTo(990);
    assertThat(downloads.files()).containsExactly("busy.png");
  }

  @Test
  void waitsUntilARetryAfterDate() throws Exception {
    String inTwoSeconds = httpDate(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
    failThenServe("/busy.png", Images.of(ImageFormat.PNG),
        serviceUnavailable().withHeader("Retry-After", inTwoSeconds));

    Result result = downloads.deadline(4_000).fetch(Downloads.url(server, "/busy.png"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(result.attempts()).isEqualTo(2);
    // The date has whole seconds, so the wait is between 1 and 2 s.
    assertThat(millisBetweenRequests()).isGreaterThanOrEqualTo(900);
    assertThat(downloads.files()).containsExactly("busy.png");
  }

  @Test
  void failsAtOnceWhenRetryAfterSecondsIsBeyondTheDeadline() throws Exception {
    server.stubFor(get("/later.png").willReturn(status(429).withHeader("Retry-After", "120")));

    Result result = downloads.deadline(2_000).fetch(Downloads.url(server, "/later.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).isEqualTo("HTTP 429: Retry-After 2m is beyond the deadline 2s");
    assertThat(result.httpStatus()).isEqualTo(429);
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.millis()).isLessThan(2_000);
    server.verify(1, getRequestedFor(urlEqualTo("/later.png")));
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void failsAtOnceWhenRetryAfterDateIsBeyondTheDeadline() throws Exception {
    String inAnHour = httpDate(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
    server.stubFor(get("/later.png").willReturn(
        serviceUnavailable().withHeader("Retry-After", inAnHour)));

    Result result = downloads.deadline(2_000).fetch(Downloads.url(server, "/later.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error())
        .startsWith("HTTP 503: Retry-After ")
        .endsWith(" is beyond the deadline 2s");
    assertThat(result.attempts()).isEqualTo(1);
    server.verify(1, getRequestedFor(urlEqualTo("/later.png")));
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void stopsRetryingAtTheDeadline() throws Exception {
    server.stubFor(get("/down.png").willReturn(serviceUnavailable()));

    Result result = downloads.retries(50).deadline(1_000)
        .fetch(Downloads.url(server, "/down.png"));

    // No clock: the error is the one the fetcher gives when the next wait would pass the
    // deadline, instead of sleeping it (a sleep past the deadline would end in another error),
    // and 50 attempts never fit in 1 s of backoff (its ceiling doubles from 250 ms). The elapsed
    // time was asserted once (under 1.5 s) and failed on a loaded machine.
    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).startsWith("deadline 1s exceeded (HTTP 503 after ");
    assertThat(result.attempts()).isBetween(1, 49);
    server.verify(result.attempts(), getRequestedFor(urlEqualTo("/down.png")));
    assertThat(downloads.files()).isEmpty();
  }

  /** Stubs {@code path} to answer with {@code failures} in turn, then with {@code body}. */
  private static void failThenServe(
      String path, byte[] body, ResponseDefinitionBuilder... failures) {
    String state = STARTED;
    for (int i = 0; i < failures.length; i++) {
      String next = "failed " + (i + 1);
      server.stubFor(get(path).inScenario(path).whenScenarioStateIs(state)
          .willReturn(failures[i]).willSetStateTo(next));
      state = next;
    }
    server.stubFor(get(path).inScenario(path).whenScenarioStateIs(state)
        .willReturn(ok().withBody(body)));
  }

  /** Time between the first two requests the server received. */
  private static long millisBetweenRequests() {
    List<ServeEvent> requests = Downloads.requests(server);
    assertThat(requests).hasSizeGreaterThanOrEqualTo(2);
    return requests.get(1).getRequest().getLoggedDate().getTime()
        - requests.get(0).getRequest().getLoggedDate().getTime();
  }

  private static String httpDate(ZonedDateTime time) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(time);
  }
}
