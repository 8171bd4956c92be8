package dev.imgdl.spark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.imgdl.testing.ForwardProxy;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.TlsServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's network options and {@code --any-type} in the job, in {@code local[2]} bound to
 * 127.0.0.1: each reaches the executors' client (a header at the server, a text body kept, a
 * self-signed server trusted, a proxy used or bypassed), and a bad value is the CLI's one line.
 */
class SparkNetworkTest {
  private static final String SECRET = "s3cr3t-pass";

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  static SparkSession spark;

  @TempDir Path dir;
  private int runs;

  @BeforeAll
  static void session() {
    spark = LocalSpark.session("imgdl-network-test");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void headersAndTheUserAgentReachTheServer() throws IOException {
    server.stubFor(get("/h.png").willReturn(aResponse().withBody(Images.png())));

    JobRun r = run(List.of(server.url("/h.png")), "-H", "X-Token: abc", "--header",
        "Accept-Language: fr", "--user-agent", "crawler/1");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(status(0)).isEqualTo("downloaded");
    server.verify(1, getRequestedFor(urlEqualTo("/h.png"))
        .withHeader("X-Token", equalTo("abc"))
        .withHeader("Accept-Language", equalTo("fr"))
        .withHeader("User-Agent", equalTo("crawler/1")));
  }

  @Test
  void anyTypeKeepsABodyThatIsNotAnImage() throws IOException {
    server.stubFor(get("/t.txt").willReturn(aResponse()
        .withHeader("Content-Type", "text/plain").withBody("plain text, no image")));

    JobRun without = run(List.of(server.url("/t.txt")), "--retries", "0");
    assertThat(status(0)).isEqualTo("failed");
    JobRun with = run(List.of(server.url("/t.txt")), "--any-type");

    assertThat(without.code()).isEqualTo(1);
    assertThat(with.code()).as(with.err()).isZero();
    assertThat(status(0)).isEqualTo("downloaded");
  }

  @Test
  void insecureAndCacertBothReachASelfSignedServer() throws IOException {
    try (TlsServer tls = TlsServer.start(TlsServer.selfSigned()).serve("/s.png", Images.png())) {
      List<String> urls = List.of(tls.url("/s.png"));
      Path pem = tls.writePem(dir.resolve("server.pem"));

      JobRun refused = run(urls, "--retries", "0");
      assertThat(results().get(0).<String>getAs("error")).contains("certificate not trusted");
      JobRun insecure = run(urls, "-k");
      assertThat(status(0)).isEqualTo("downloaded");
      JobRun trusted = run(urls, "--cacert", pem.toString());
      assertThat(status(0)).isEqualTo("downloaded");

      assertThat(refused.code()).isEqualTo(1);
      assertThat(insecure.code()).as(insecure.err()).isZero();
      assertThat(insecure.err()).startsWith(
          "imgdl: warning: --insecure: certificates are not checked\n");
      assertThat(trusted.code()).as(trusted.err()).isZero();
    }
  }

  @Test
  void proxyCarriesTheRequestsAndItsPasswordIsNeverPrinted() throws IOException {
    server.stubFor(get("/p.png").willReturn(aResponse().withBody(Images.png())));
    try (ForwardProxy proxy = ForwardProxy.start(Map.of("img.invalid", "127.0.0.1"))) {
      // A name that never resolves: only the proxy can reach it.
      String url = "http://img.invalid:" + server.getPort() + "/p.png";

      JobRun r = run(List.of(url), "--proxy", proxy.url("user:" + SECRET), "-v");

      assertThat(r.code()).as(r.err()).isZero();
      assertThat(status(0)).isEqualTo("downloaded");
      assertThat(proxy.seen()).extracting(ForwardProxy.Seen::requestLine)
          .containsExactly("GET " + url + " HTTP/1.1");
      assertThat(r.out() + r.err()).doesNotContain(SECRET);
    }
  }

  @Test
  void noproxyHostsAreReachedDirectly() throws IOException {
    server.stubFor(get("/d.png").willReturn(aResponse().withBody(Images.png())));

    // Port 9 (discard) on 127.0.0.1 is no proxy: a request through it would fail.
    JobRun r = run(List.of(server.url("/d.png")), "--retries", "0", "--proxy",
        "http://127.0.0.1:9", "--noproxy", "example.org, localhost");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(status(0)).isEqualTo("downloaded");
  }

  @Test
  void badNetworkValuesAreTheClisOneLineBeforeASessionIsAskedFor() throws IOException {
    Path input = Files.writeString(dir.resolve("urls.txt"), "http://127.0.0.1:1/a.png\n");
    Path missing = dir.resolve("missing.pem");
    for (List<String> bad : List.of(
        List.of("-H", "no colon", "-H 'no colon' is not a header: use 'Name: value'"),
        List.of("--cacert", missing.toString(), "--cacert " + missing
            + ": cannot be read (NoSuchFileException)"),
        List.of("--proxy", "ftp://127.0.0.1:21", "--proxy ftp://127.0.0.1:21: "))) {
      JobRun r = JobRun.withoutSession(bad.get(0), bad.get(1), input.toString(),
          dir.resolve("out").toString());

      assertThat(r.asked()).as("a session was asked for").isFalse();
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).startsWith("imgdl: error: " + bad.get(2)).endsWith("\n")
          .hasLineCount(1);
    }
  }

  private JobRun run(List<String> urls, String... options) throws IOException {
    runs++;
    Path input = Files.write(dir.resolve("urls.txt"), urls);
    List<String> args = new ArrayList<>(List.of(options));
    args.addAll(List.of("--partitions", "1", input.toString(), out().toString()));
    return JobRun.on(spark, args);
  }

  /** Each run's own OUTPUT, so that none resumes another's. */
  private Path out() {
    return dir.resolve("out-" + runs);
  }

  private List<Row> results() {
    return spark.read().parquet(out().resolve("results").toString()).orderBy("id")
        .collectAsList();
  }

  private String status(int id) {
    return results().get(id).getAs("status");
  }
}
