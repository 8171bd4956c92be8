package dev.imgdl.core.download;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.imgdl.core.image.ImageFormat;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** URLs with credentials and with an IPv6 literal host. */
class FetcherUrlTest extends FetcherTestCase {
  private static final String PASSWORD = "pa55word";
  private static final String BASIC =
      "Basic " + Base64.getEncoder().encodeToString(
          ("user:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

  @RegisterExtension static WireMockExtension server = Downloads.server();

  @Test
  void sendsCredentialsFromTheUrlAsBasicAuth() throws Exception {
    server.stubFor(get("/x.png").withHeader("Authorization", equalTo(BASIC))
        .willReturn(ok().withBody(Images.of(ImageFormat.PNG))));

    Result result = downloads.fetch(withCredentials("/x.png"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(result.file()).isEqualTo("x.png");
    server.verify(1, getRequestedFor(urlEqualTo("/x.png"))
        .withHeader("Authorization", equalTo(BASIC)));
    assertThat(downloads.files()).containsExactly("x.png");
  }

  @Test
  void keepsCredentialsOffARedirectToAnotherHost() throws Exception {
    String otherHost = "http://localhost:" + server.getPort() + "/y.png";
    server.stubFor(get("/x.png").willReturn(status(302).withHeader("Location", otherHost)));
    server.stubFor(get("/y.png").willReturn(ok().withBody(Images.of(ImageFormat.PNG))));

    Result result = downloads.fetch(withCredentials("/x.png"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    server.verify(1, getRequestedFor(urlEqualTo("/x.png"))
        .withHeader("Authorization", equalTo(BASIC)));
    server.verify(1, getRequestedFor(urlEqualTo("/y.png"))
        .withHeader("Authorization", absent()));
    assertThat(downloads.files()).containsExactly("x.png");
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("HTTP 401", status(401)),
        Arguments.of("HTTP 503 after 2 attempts", status(503)),
        Arguments.of("redirect loop", status(302).withHeader("Location", "/x.png")),
        Arguments.of("connection error", ok().withFault(Fault.EMPTY_RESPONSE)),
        Arguments.of("connection error", ok().withFault(Fault.CONNECTION_RESET_BY_PEER)));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void neverShowsThePasswordInAFailure(String error, ResponseDefinitionBuilder response)
      throws Exception {
    server.stubFor(get("/x.png").willReturn(response));

    Result result = downloads.retries(1).fetch(withCredentials("/x.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).startsWith(error);
    assertThat(result.toString()).doesNotContain(PASSWORD).doesNotContain("user:");
    assertThat(downloads.files()).isEmpty();
  }

  @Test
  void downloadsFromAnIpv6LiteralHost() throws Exception {
    assumeThat(ipv6Loopback()).as("this machine has IPv6 loopback").isTrue();
    WireMockServer v6 = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("::1"));
    v6.start();
    try {
      byte[] body = Images.of(ImageFormat.GIF);
      v6.stubFor(get("/v6").willReturn(ok().withBody(body)));

      Result result = downloads.fetch("http://[::1]:" + v6.port() + "/v6");

      assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
      assertThat(result.file()).isEqualTo("v6.gif");
      assertThat(result.sha256()).isEqualTo(Images.sha256(body));
      v6.verify(1, getRequestedFor(urlEqualTo("/v6")));
      assertThat(downloads.files()).containsExactly("v6.gif");
    } finally {
      v6.stop();
    }
  }

  private static String withCredentials(String path) {
    return "http://user:" + PASSWORD + "@127.0.0.1:" + server.getPort() + path;
  }

  private static boolean ipv6Loopback() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
