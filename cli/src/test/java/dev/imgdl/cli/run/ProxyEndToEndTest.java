package dev.imgdl.cli.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.Cli;
import dev.imgdl.testing.ForwardProxy;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.LocalSite;
import dev.imgdl.testing.TlsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Downloads through a forward proxy that maps {@code img.invalid}, a name that never resolves,
 * to the test servers: an entry that downloads went through the proxy. In both worker modes.
 */
class ProxyEndToEndTest {
  private static final String SECRET = "s3cret-pass";

  @RegisterExtension static LocalSite http = LocalSite.onLoopback();

  private final Path dir = http.dir();
  private ForwardProxy proxy;
  private TlsServer https;
  private Path pem;

  @BeforeEach
  void start() {
    http.stubFor(get(urlPathEqualTo("/a.png")).willReturn(aResponse().withBody(Images.png())));
    proxy = ForwardProxy.start(Map.of("img.invalid", "127.0.0.1"));
    https = TlsServer.start(TlsServer.selfSigned("img.invalid", "127.0.0.1"))
        .serve("/b.png", Images.png());
    pem = https.writePem(dir.resolve("server.pem"));
  }

  @AfterEach
  void stop() {
    proxy.close();
    https.close();
  }

  private String httpUrl(String host) {
    return "http://" + host + ":" + http.getPort() + "/a.png";
  }

  private Cli.Outcome run(Map<String, String> env, String mode, List<String> urls,
      String... options) {
    List<String> args = new ArrayList<>(List.of("-o", http.out().toString(),
        "--mode", mode, "--retries", "0", "--report", dir.resolve("report.json").toString(),
        "--cacert", pem.toString()));
    args.addAll(List.of(options));
    args.add(http.list(urls).toString());
    return Cli.runWithEnv(env, "", args.toArray(String[]::new));
  }

  private List<String> requestLines() {
    return proxy.seen().stream().map(ForwardProxy.Seen::requestLine).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void httpProxyAndUpperCaseHttpsProxyFromTheEnvironmentCarryBothSchemes(String mode) {
    Cli.Outcome run = run(Map.of("http_proxy", proxy.url(), "HTTPS_PROXY", proxy.url()), mode,
        List.of(httpUrl("img.invalid"), https.url("img.invalid", "/b.png")));

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(Cli.files(dir.resolve("out"))).containsExactly("a.png", "b.png");
    assertThat(requestLines()).containsExactlyInAnyOrder(
        "GET " + httpUrl("img.invalid") + " HTTP/1.1",
        "CONNECT img.invalid:" + https.port() + " HTTP/1.1");
    assertThat(https.versions()).as("HTTP/2 inside the tunnel").containsExactly("HTTP/2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void proxyOptionWinsOverTheEnvironmentAndItsCredentialsReachOnlyTheProxy(String mode)
      throws Exception {
    Map<String, String> env = Map.of("http_proxy", "http://127.0.0.1:9", "https_proxy",
        "http://127.0.0.1:9", "all_proxy", "http://127.0.0.1:9");
    Cli.Outcome run = run(env, mode,
        List.of(httpUrl("img.invalid"), https.url("img.invalid", "/b.png")),
        "--proxy", proxy.url("user:" + SECRET), "-vv");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    String basic = "Basic " + Base64.getEncoder().encodeToString(("user:" + SECRET).getBytes());
    assertThat(proxy.seen()).hasSize(2)
        .allSatisfy(seen -> assertThat(seen.proxyAuthorization()).isEqualTo(basic));
    assertThat(http.getAllServeEvents())
        .allSatisfy(e -> assertThat(e.getRequest().containsHeader("Proxy-Authorization"))
            .isFalse());
    assertThat(run.stderr()).doesNotContain(SECRET);
    assertThat(run.stdout()).doesNotContain(SECRET);
    assertThat(Files.readString(dir.resolve("report.json"))).doesNotContain(SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void noProxyFromTheEnvironmentGoesDirect(String mode) {
    Cli.Outcome run = run(Map.of("http_proxy", proxy.url(), "https_proxy", proxy.url(),
        "no_proxy", "localhost, .0.0.1,127.0.0.1"), mode,
        List.of(httpUrl("127.0.0.1"), https.url("/b.png")));

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(requestLines()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void noproxyOptionWinsOverNoProxyFromTheEnvironment(String mode) {
    Cli.Outcome run = run(Map.of("no_proxy", "*"), mode,
        List.of(httpUrl("img.invalid"), httpUrl("127.0.0.1").replace("a.png", "a.png?x=1")),
        "--proxy", proxy.url(), "--noproxy", "127.0.0.1");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(requestLines()).containsExactly("GET " + httpUrl("img.invalid") + " HTTP/1.1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void withoutAProxyTheUnresolvableHostFails(String mode) {
    Cli.Outcome run = run(Map.of(), mode, List.of(httpUrl("img.invalid")));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).contains("unknown host img.invalid");
  }
}
