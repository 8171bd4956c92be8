package dev.imgdl.cli.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.LocalSite;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --limit-rate}: one budget for the whole run, across workers and child JVMs. The rate is
 * the bytes the server sent over the time from its first request to the end of the run, which
 * includes everything after the last byte (report, children's exit), so that a busy machine can
 * only make it lower: the bound that matters, at most 10% above the limit, cannot flake; the
 * lower bound is a quarter of the limit, only to catch a budget that stalls.
 */
class LimitRateTest {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  private static final int FILES = 8;
  private static final int SIZE = 256 * 1024;
  private static final long LIMIT = 512 * 1024;

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void theWholeRunReadsNoFasterThanTheLimit(String mode) {
    byte[] body = new byte[SIZE];
    new Random(24).nextBytes(body);
    server.stubFor(get(urlPathMatching("/f.*")).willReturn(aResponse().withBody(body)));
    List<String> urls =
        IntStream.range(0, FILES).mapToObj(i -> server.baseUrl() + "/f" + i).toList();

    Cli.Outcome run = Cli.run("--mode", mode, "--processes", "2", "-w", "4", "--any-type",
        "--limit-rate", "512k", "-o", server.out().toString(), server.list(urls).toString());
    long end = System.currentTimeMillis();

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(Cli.files(server.out())).hasSize(FILES);
    List<ServeEvent> served = server.getAllServeEvents();
    assertThat(served).hasSize(FILES);
    long first = served.stream()
        .mapToLong(e -> e.getRequest().getLoggedDate().getTime()).min().orElseThrow();
    double rate = FILES * (double) SIZE / ((end - first) / 1000.0);
    assertThat(rate).as("bytes per second").isLessThanOrEqualTo(LIMIT * 1.1)
        .isGreaterThan(LIMIT / 4.0);
  }

  @Test
  void aRateBelowOneKibibyteOrMalformedIsAUsageError() {
    for (String value : List.of("1000", "fast", "2048G")) {
      Cli.Outcome run = Cli.run("--limit-rate", value, "-o", server.out().toString(),
          server.list(server.baseUrl() + "/f0").toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.stderr()).startsWith("imgdl: error: ").contains("--limit-rate");
      assertThat(run.stderr().strip().lines()).hasSize(1);
    }
  }
}
