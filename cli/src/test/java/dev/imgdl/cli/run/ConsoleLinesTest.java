package dev.imgdl.cli.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.LocalSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What standard error gets, in both modes: one line per failed or invalid entry, also with -q,
 * at most 50 of them, and nothing at all with -q when everything succeeded.
 */
class ConsoleLinesTest {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  private final Path dir = server.dir();

  @BeforeEach
  void serve() {
    server.stubFor(get(urlMatching("/ok/.*")).willReturn(aResponse().withBody(Images.png())));
    server.stubFor(get(urlMatching("/nope/.*")).willReturn(aResponse().withStatus(404)));
  }

  private String url(String path) {
    return server.baseUrl() + path;
  }

  private Cli.Outcome run(String mode, Path list, String... options) {
    List<String> args = new ArrayList<>(List.of("--mode", mode, "-w", "2", "-o",
        server.out().toString()));
    args.addAll(List.of(options));
    args.add(list.toString());
    return Cli.run(args.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void quietPrintsNothingAtAllWhenEverythingSucceeded(String mode) {
    Path list = Cli.list(dir, "l.txt", List.of(url("/ok/a.png"), url("/ok/b.png"),
        url("/ok/a.png")));
    Cli.Outcome run = run(mode, list, "-q", "--report", dir.resolve("r.json").toString(),
        "--failed", dir.resolve("f.txt").toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.stderr()).isEmpty();
    assertThat(run.stdout()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void quietPrintsExactlyTheLineOfAFailedEntry(String mode) {
    Path list = Cli.list(dir, "l.txt", List.of(url("/ok/a.png"), url("/nope/b.png")));
    Cli.Outcome run = run(mode, list, "-q");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).isEqualTo(list + ":2 " + url("/nope/b.png") + ": HTTP 404\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void sixtyFailuresPrintFiftyLinesAndOneClosingLineThenTheSummary(String mode) {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 55; i++) {
      lines.add(url("/nope/" + i + ".png"));
    }
    for (int i = 1; i <= 5; i++) {
      lines.add("bad " + i);
    }
    Path list = Cli.list(dir, "l.txt", lines);
    for (String quiet : List.of("-q", "--no-progress")) {
      Cli.Outcome run = run(mode, list, quiet);
      List<String> printed = run.stderr().lines().toList();
      assertThat(printed.subList(0, 50)).allMatch(l -> l.startsWith(list + ":"));
      // An invalid entry is printed as soon as it is read, among the failures of downloads
      // that began before it: the lines printed keep the order of the list among themselves.
      List<String> invalid = printed.subList(0, 50).stream()
          .filter(l -> l.endsWith(": not an absolute URL (no scheme)")).toList();
      assertThat(invalid).isSortedAccordingTo(java.util.Comparator.comparingInt(
          l -> Integer.parseInt(l.substring(list.toString().length() + 1, l.indexOf(' ')))));
      assertThat(printed.get(50))
          .isEqualTo("... and 10 more failed or invalid entries: see --report or --failed");
      if (quiet.equals("-q")) {
        assertThat(printed).hasSize(51);
      } else {
        assertThat(printed.get(51)).startsWith("imgdl: 60 entries: 0 downloaded");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aFailureLineErasesTheProgressLineBeforeItIsPrinted(String mode) {
    Path list = Cli.list(dir, "l.txt", List.of(url("/nope/b.png")));
    Cli.Outcome run = run(mode, list, "--progress");
    assertThat(run.stderr()).contains("\r\u001b[2K" + list + ":1 " + url("/nope/b.png")
        + ": HTTP 404\n");
  }
}
