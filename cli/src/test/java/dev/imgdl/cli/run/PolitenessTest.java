package dev.imgdl.cli.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.imgdl.testing.Await;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.LocalSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --per-host} and {@code --rate} hold for the whole run in both modes, as measured by the
 * test server from the times it received and answered each request.
 */
class PolitenessTest {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback(40);

  private final Path dir = server.dir();

  @BeforeEach
  void serve() {
    server.stubFor(
        get(urlMatching("/img/.*"))
            .willReturn(aResponse().withBody(Images.png()).withFixedDelay(150)));
  }

  private Cli.Outcome download(int count, String mode, String... options) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lines.add(server.baseUrl() + "/img/" + i + ".png");
    }
    Path list = server.list(lines);
    List<String> args = new ArrayList<>(List.of("-q", "--mode", mode, "-w", "6",
        "-o", server.out().toString()));
    args.addAll(List.of(options));
    args.add(list.toString());
    return Cli.run(args.toArray(String[]::new));
  }

  /** The events of the server, once it has recorded how long it took for each of them. */
  private static List<ServeEvent> timedEvents(int count) {
    // The server writes a response's timing after sending it, so the client may be done first.
    Await.until(count + " timed requests", Duration.ofSeconds(10), () -> {
      List<ServeEvent> events = server.getAllServeEvents();
      return events.size() == count
          && events.stream().allMatch(e -> e.getTiming() != null
              && e.getTiming().getTotalTime() != null);
    });
    return server.getAllServeEvents();
  }

  /** The most requests the server was working on at one moment. */
  private static int maxInFlight(List<ServeEvent> events) {
    List<long[]> edges = new ArrayList<>();
    for (ServeEvent e : events) {
      long start = e.getRequest().getLoggedDate().getTime();
      edges.add(new long[] {start, 1});
      edges.add(new long[] {start + e.getTiming().getTotalTime(), -1});
    }
    edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    int now = 0;
    int max = 0;
    for (long[] edge : edges) {
      now += (int) edge[1];
      max = Math.max(max, now);
    }
    return max;
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void perHostCapsRequestsInFlightToOneHost(String mode) {
    Cli.Outcome run = download(12, mode, "--per-host", "2");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(maxInFlight(timedEvents(12))).isBetween(1, 2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void withoutACapAllWorkersRunAtOnce(String mode) {
    download(12, mode, "--per-host", "0");
    assertThat(maxInFlight(timedEvents(12))).isGreaterThan(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void rateKeepsEveryTwoRequestStartsAtLeastOneOverRApart(String mode) {
    Cli.Outcome run = download(11, mode, "--rate", "5");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    List<Long> starts =
        server.getAllServeEvents().stream()
            .map(e -> e.getRequest().getLoggedDate().getTime())
            .sorted()
            .toList();
    assertThat(starts).hasSize(11);
    // 5 per second: every start at least 200 ms after the one before, as the server saw them,
    // in both modes, though six workers (six child JVMs, started at different moments) ask at
    // once. The tolerance is the server's: it stamps a request when its thread gets to it.
    for (int i = 1; i < starts.size(); i++) {
      assertThat(starts.get(i) - starts.get(i - 1)).as("gap before start " + i)
          .isGreaterThanOrEqualTo(195);
    }
    // How much longer than 2 s the run takes depends on how busy the machine is: a matter
    // for the benchmark, not for this test.
  }
}
