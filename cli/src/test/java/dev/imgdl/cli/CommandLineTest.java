package dev.imgdl.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.LocalSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Options, usage errors, exit codes and what goes to which stream. */
class CommandLineTest {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  private final Path dir = server.dir();
  private final Path out = server.out();

  @BeforeEach
  void serve() {
    server.stubFor(get("/ok.png").willReturn(aResponse().withBody(Images.png())));
    server.stubFor(get("/ok2.png").willReturn(aResponse().withBody(Images.png())));
    server.stubFor(get("/gone.png").willReturn(aResponse().withStatus(410)));
  }

  private String url(String path) {
    return server.baseUrl() + path;
  }

  static Stream<Arguments> valuesThatCannotBeHonoured() {
    List<List<String>> options = List.of(
        List.of("--workers=0"), List.of("--workers=257"), List.of("--processes=0"),
        List.of("--processes", "257"), List.of("--processes=many"), List.of("--timeout=fast"),
        List.of("--deadline=-1s"), List.of("--max-size=lots"), List.of("--mode=fork"),
        List.of("--min-success=1.5"), List.of("--retries=-1"), List.of("--per-host=-1"),
        List.of("--rate=-2"), List.of("--header=NoColon"), List.of("--no-such-option"),
        List.of("-q", "-v"),
        // Beyond what the HTTP client takes (int milliseconds), or beyond the documented 24h.
        List.of("--deadline=600h"), List.of("--timeout=600h"), List.of("--timeout=25h"),
        List.of("--deadline=99999999999999999999h"), List.of("--timeout=0.1ms"),
        // The HTTP client refuses anything but printable ASCII and tabs in a header value.
        List.of("--user-agent=é"), List.of("--user-agent=a\u001bb"), List.of("-H", "X-Foo: é"),
        List.of("-H", "X-Foo: a\rb"),
        // A rate so small that its interval overflows, or so large no gate can keep it.
        List.of("--rate=1e-12"), List.of("--rate=0.0009"), List.of("--rate=2000000"),
        List.of("--rate=NaN"), List.of("--rate=Infinity"),
        List.of("--max-size=0.5"), List.of("--max-size=2048G"), List.of("--min-success=NaN"),
        List.of("--min-success=-Infinity"),
        // Dataset inputs: an unknown format, empty column names, a list read as a table.
        List.of("--input-format=xls"), List.of("--url-col="), List.of("--save-cols=a,,b"),
        List.of("--input-format=parquet"), List.of("--input-format=csv", "--url-col=link"));
    return Stream.of("thread", "process")
        .flatMap(mode -> options.stream().map(o -> Arguments.of(mode, o)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("valuesThatCannotBeHonoured")
  void valuesThatCannotBeHonouredAreUsageErrorsWithOneLineAndNothingDownloaded(
      String mode, List<String> options) {
    Path list = Cli.list(dir, "l.txt", List.of(url("/ok.png")));
    List<String> args = new java.util.ArrayList<>(List.of("--mode", mode));
    args.addAll(options);
    args.addAll(List.of("-o", out.toString(), list.toString()));
    Cli.Outcome run = Cli.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
    assertThat(run.stderr()).startsWith("imgdl: error: ");
    assertThat(run.stderr().strip().lines()).as(run.stderr()).hasSize(1);
    assertThat(run.stderr()).doesNotContain("Exception", "\u001b", "\r");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void helpStatesTheBoundsOfTimesRatesSizesAndHeaders() {
    String help = Cli.run("--help").stdout().replaceAll("\\s+", " ");
    assertThat(help)
        .contains("reading; 1ms to 24h.")
        .contains("included; 1ms to 24h.")
        .contains("a decimal from 0.001 to 1000000; 0 = no limit.")
        .contains("at most 1024G.")
        .contains("Extra attempts after the first, 0 to 100, for retryable failures")
        .contains("At most N requests in flight to one host, 0 to 100000; 0 = no cap.")
        .contains("Number of chunks and workers, 1 to 256.")
        .contains("The value is printable ASCII.")
        .contains("The User-Agent header, printable ASCII.")
        .contains("child JVMs the chunks are dealt to, 1 to 256, never more than the chunks. "
            + "Default: the number of cores.");
  }

  @Test
  void aReportFailedOrJunitFileThatIsADeviceIsWrittenDirectly() throws Exception {
    Path list = Cli.list(dir, "l.txt", List.of(url("/ok.png"), url("/gone.png")));
    Path device = Files.createSymbolicLink(dir.resolve("null"), Path.of("/dev/null"));
    for (String option : List.of("--report", "--failed", "--junit")) {
      Cli.Outcome run = Cli.run("-o", out.toString(), "--overwrite", option, device.toString(),
          list.toString());
      assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
      assertThat(run.stderr()).doesNotContain("error:");
      assertThat(Files.isSymbolicLink(device)).isTrue();
      assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
    }
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
        .noneMatch(name -> name.startsWith(".imgdl-"));
    Files.delete(device);
  }

  @Test
  void aReportIntoAPipeIsReadWholeFromIt() throws Exception {
    Path list = Cli.list(dir, "l.txt", List.of(url("/ok.png")));
    Path fifo = dir.resolve("report.fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readAllBytes(fifo);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });

    Cli.Outcome run = Cli.run("-o", out.toString(), "--report", fifo.toString(), list.toString());

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    JsonNode report = new ObjectMapper().readTree(read.get(60, TimeUnit.SECONDS));
    assertThat(report.get("results").get(0).get("status").asText()).isEqualTo("downloaded");
    assertThat(Files.isRegularFile(fifo)).isFalse();
  }

  @Test
  void anUnknownOptionSuggestsTheClosestOnOneLine() {
    Cli.Outcome run = Cli.run("--timout", "5s", "-o", out.toString(), "-");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr())
        .isEqualTo("imgdl: error: unknown option '--timout'; did you mean --timeout?\n");
  }

  @Test
  void anUnknownOptionWithNothingCloseSaysSo() {
    Cli.Outcome run = Cli.run("--zzzzzzzzzzzzz", "-o", out.toString(), "-");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr())
        .isEqualTo("imgdl: error: unknown option '--zzzzzzzzzzzzz' (see imgdl --help)\n");
  }

  @Test
  void missingInputFileIsAUsageErrorNamingIt() {
    Cli.Outcome run = Cli.run("-o", out.toString(), dir.resolve("nope.txt").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("nope.txt");
  }

  @Test
  void outputDirectoryThatCannotBeCreatedIsAUsageError() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Path list = Cli.list(dir, "l.txt", List.of(url("/ok.png")));
    Cli.Outcome run = Cli.run("-o", file.resolve("sub").toString(), list.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains("output directory");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void outputDirectoryIsCreatedWithItsParents() {
    Path list = Cli.list(dir, "l.txt", List.of(url("/ok.png")));
    Path deep = dir.resolve("a/b/c");
    assertThat(Cli.run("-q", "-o", deep.toString(), list.toString()).exitCode()).isZero();
    assertThat(deep.resolve("ok.png")).exists();
  }

  @Test
  void reportDashGoesToStandardOutputAndNothingElseDoes() {
    Path list = Cli.list(dir, "l.txt", List.of(url("/ok.png")));
    Cli.Outcome run = Cli.run("-o", out.toString(), "--report", "-", list.toString());
    assertThat(run.exitCode()).isZero();
    JsonNode json = run.json();
    assertThat(json.get("version").asInt()).isEqualTo(1);
    assertThat(json.get("results").get(0).get("status").asText()).isEqualTo("downloaded");
    assertThat(run.stderr()).contains("1 entries: 1 downloaded");
  }

  @Test
  void standardInputIsReadWithDashOrNoFile() {
    Cli.Outcome run =
        Cli.runWithStdin(url("/ok.png") + "\n", "-o", out.toString(), "--report", "-");
    assertThat(run.exitCode()).isZero();
    assertThat(run.json().get("results").get(0).get("source").asText()).isEqualTo("<stdin>");
    Cli.Outcome dash =
        Cli.runWithStdin(url("/ok2.png") + "\n", "-o", out.toString(), "--report", "-", "-");
    assertThat(dash.json().get("summary").get("downloaded").asInt()).isEqualTo(1);
  }

  @Test
  void failuresGiveExit1UnlessMinSuccessAllowsThem() {
    Path list = Cli.list(dir, "l.txt", List.of(url("/ok.png"), url("/gone.png")));
    assertThat(Cli.run("-q", "-o", out.toString(), list.toString()).exitCode()).isEqualTo(1);
    assertThat(Cli.run("-q", "-o", out.toString(), "--min-success", "0.5", list.toString())
        .exitCode()).isZero();
    assertThat(Cli.run("-q", "-o", out.toString(), "--min-success", "0.51", list.toString())
        .exitCode()).isEqualTo(1);
  }

  @Test
  void invalidEntriesCountAgainstTheRatioButDuplicatesDoNot() {
    Path list = Cli.list(dir, "l.txt", List.of(url("/ok.png"), url("/ok.png"), "nope"));
    Cli.Outcome run = Cli.run("-o", out.toString(), "--report", "-", list.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.json().get("summary").get("successRatio").asDouble()).isEqualTo(0.5);
  }

  @Test
  void emptyListSucceedsWithRatioOne() {
    Path list = Cli.list(dir, "l.txt", List.of("# nothing", ""));
    Cli.Outcome run = Cli.run("-o", out.toString(), "--report", "-", list.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.json().get("summary").get("successRatio").asDouble()).isEqualTo(1.0);
  }

  @Test
  void quietPrintsTheInvalidAndFailedLinesAndNothingElse() {
    Path list = Cli.list(dir, "l.txt", List.of(url("/ok.png"), url("/gone.png"), "bad"));
    Cli.Outcome run = Cli.run("-q", "-o", out.toString(), list.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).isEqualTo(
        list + ":3 bad: not an absolute URL (no scheme)\n"
            + list + ":2 " + url("/gone.png") + ": HTTP 410\n");
    assertThat(run.stdout()).isEmpty();
  }

  @Test
  void failedFileRoundTripsAndIsPrivate() throws Exception {
    String secret = server.baseUrl().replace("http://", "http://me:s3cr3t@") + "/gone.png";
    Path list = Cli.list(dir, "l.txt", List.of(url("/ok.png"), secret, "not-a-url"));
    Path failed = dir.resolve("retry.txt");
    Cli.Outcome first =
        Cli.run("-o", out.toString(), "--failed", failed.toString(), "--report",
            dir.resolve("r.json").toString(), list.toString());
    assertThat(Files.readAllLines(failed)).containsExactly(secret);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(failed)))
        .isEqualTo("rw-------");
    assertThat(first.stderr()).doesNotContain("s3cr3t").contains("http://***@");
    assertThat(Files.readString(dir.resolve("r.json"))).doesNotContain("s3cr3t");
    server.resetRequests();
    Cli.Outcome retry =
        Cli.run("-o", out.toString(), "--report", "-", failed.toString());
    assertThat(retry.json().get("summary").get("entries").asInt()).isEqualTo(1);
    assertThat(server.getAllServeEvents()).hasSize(1);
    assertThat(server.getAllServeEvents().get(0).getRequest().getUrl()).isEqualTo("/gone.png");
  }

  @Test
  void helpListsEveryOptionAndExitsZero() {
    Cli.Outcome run = Cli.run("--help");
    assertThat(run.exitCode()).isZero();
    for (String option : List.of("--output", "--workers", "--mode", "--retries", "--timeout",
        "--deadline", "--max-size", "--report", "--failed", "--overwrite", "--any-type",
        "--per-host", "--rate", "--header", "--user-agent", "--min-success", "--quiet",
        "--verbose", "--[no-]progress", "--help", "--version", "--child-java-options",
        "--processes")) {
      assertThat(run.stdout()).contains(option);
    }
    assertThat(run.stdout()).contains("Exit status");
  }

  @Test
  void helpListsEveryVariableOfTheEnvironmentThatImgdlOrItsLauncherReads() {
    String help = Cli.run("--help").stdout();

    int section = help.indexOf("\nEnvironment:\n");
    assertThat(section).as("an Environment: section").isPositive();
    assertThat(section).isGreaterThan(help.indexOf("--retry-failed"));
    for (String variable : List.of("IMGDL_JAVA ", "IMGDL_JAVA_OPTS", "JAVA_HOME",
        "XDG_CACHE_HOME", "http_proxy, HTTP_PROXY", "https_proxy, HTTPS_PROXY",
        "all_proxy, ALL_PROXY", "no_proxy, NO_PROXY", "COLUMNS")) {
      assertThat(help.substring(section)).as(variable).contains("  " + variable);
    }
  }

  @Test
  void helpSpeaksOfTheImgdlCommandNotOfJavaOrTheBuildFolder() {
    String help = Cli.run("--help").stdout();

    assertThat(help).contains("Usage: imgdl ").contains("Example: imgdl ")
        .doesNotContain("java -jar").doesNotContain("target/").doesNotContain("mvnw");
  }

  @Test
  void helpGroupsTheNetworkOptionsAfterTheOthers() {
    String help = Cli.run("--help").stdout();

    int group = help.indexOf("Network (environment: http_proxy");
    assertThat(group).isGreaterThan(help.indexOf("--child-java-options"));
    for (String option : List.of("--proxy=URL", "--noproxy=LIST", "--cacert=FILE",
        "-k, --insecure")) {
      assertThat(help.lastIndexOf(option)).as(option).isGreaterThan(group);
    }
  }

  @Test
  void aProxyThatIsNotHttpIsAUsageErrorNamingItsSourceWithoutThePassword() {
    Cli.Outcome run = Cli.runWithEnv(Map.of("HTTPS_PROXY", "socks5://me:secret@p:1080"), "",
        "-o", dir.resolve("out").toString(), Cli.list(dir, "l.txt", List.of()).toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr().lines()).containsExactly("imgdl: error: https_proxy "
        + "socks5://***@p:1080: a socks5:// proxy is not supported: use an http:// proxy");
  }

  @Test
  void aProxyPortOutOfRangeIsAUsageErrorBeforeAnyRequest() {
    Path list = Cli.list(dir, "l.txt", List.of(url("/ok.png")));
    Cli.Outcome option = Cli.run("-o", out.toString(), "--proxy", "http://127.0.0.1:99999",
        list.toString());
    Cli.Outcome variable = Cli.runWithEnv(Map.of("http_proxy", "http://127.0.0.1:65536"), "",
        "-o", out.toString(), list.toString());
    Cli.Outcome zero = Cli.runWithEnv(Map.of("all_proxy", "127.0.0.1:0"), "",
        "-o", out.toString(), list.toString());

    assertThat(option.exitCode()).isEqualTo(2);
    assertThat(option.stderr().lines()).containsExactly("imgdl: error: --proxy "
        + "http://127.0.0.1:99999: port 99999 is out of range (1 to 65535)");
    assertThat(variable.exitCode()).isEqualTo(2);
    assertThat(variable.stderr().lines()).containsExactly("imgdl: error: http_proxy "
        + "http://127.0.0.1:65536: port 65536 is out of range (1 to 65535)");
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.stderr().lines()).containsExactly("imgdl: error: all_proxy "
        + "127.0.0.1:0: port 0 is out of range (1 to 65535)");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void versionNamesImgdl() {
    Cli.Outcome run = Cli.run("--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout()).startsWith("imgdl ");
  }

  @Test
  void userAgentAndHeadersAreSent() {
    Path list = Cli.list(dir, "l.txt", List.of(url("/ok.png")));
    Cli.run("-q", "-o", out.toString(), "-H", "X-Token: abc", "-H", "Accept: image/*",
        list.toString());
    var request = server.getAllServeEvents().get(0).getRequest();
    assertThat(request.getHeader("User-Agent")).startsWith("imgdl/");
    assertThat(request.getHeader("X-Token")).isEqualTo("abc");
    assertThat(request.getHeader("Accept")).isEqualTo("image/*");
    server.resetRequests();
    Cli.run("-q", "-o", out.toString(), "--overwrite", "--user-agent", "my-bot/1.0",
        list.toString());
    assertThat(server.getAllServeEvents().get(0).getRequest().getHeader("User-Agent"))
        .isEqualTo("my-bot/1.0");
  }

  @Test
  void progressIsShownOnlyWhenAskedForOffATerminal() {
    Path list = Cli.list(dir, "l.txt", List.of(url("/ok.png"), url("/ok2.png")));
    Cli.Outcome plain = Cli.run("-o", out.toString(), list.toString());
    assertThat(plain.stderr()).doesNotContain("img/s").doesNotContain("%");
    Cli.Outcome forced =
        Cli.run("-o", out.toString(), "--overwrite", "--progress", list.toString());
    assertThat(forced.stderr()).contains(" 2/2 | ").contains("img/s");
    Cli.Outcome quiet =
        Cli.run("-q", "-o", out.toString(), "--overwrite", "--progress", list.toString());
    assertThat(quiet.stderr()).isEmpty();
  }
}
