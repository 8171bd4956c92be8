package dev.imgdl.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.LocalSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The config file: --config, the default file, --no-config, precedence and its errors. */
class UserConfigTest {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  private final Path dir = server.dir();
  private Path list;

  @BeforeEach
  void serveAnImage() {
    server.stubFor(get("/a.png").willReturn(aResponse().withBody(Images.png())));
    list = server.list(server.url("/a.png"));
  }

  private Path config(String... lines) throws IOException {
    Path file = dir.resolve("imgdl.conf");
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private Cli.Outcome run(Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(List.of("-o", server.out().toString()));
    all.addAll(List.of(args));
    all.add(list.toString());
    return Cli.runWithEnv(env, "", all.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void theFilesOptionsReachTheServerAndTheCommandLineWins(String mode) throws IOException {
    Path file = config("# sent with every request",
        "-H \"X-From-File: yes\"",
        "--header='Referer: https://file/'",
        "--user-agent 'file agent'",
        "--retries=0",
        "--noproxy file.example");

    Cli.Outcome run = run(Map.of(), "--config", file.toString(), "--mode", mode,
        "-H", "Referer: https://cli/", "--user-agent", "cli-agent", "--noproxy", "127.0.0.1");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    server.verify(1, getRequestedFor(urlEqualTo("/a.png"))
        .withHeader("X-From-File", equalTo("yes"))
        .withHeader("Referer", equalTo("https://cli/"))
        .withHeader("User-Agent", equalTo("cli-agent")));
  }

  @Test
  void theDefaultFileIsReadFromXdgConfigHomeElseHomeAndSaidWithVerbose() throws IOException {
    Path xdg = dir.resolve("xdg");
    Files.createDirectories(xdg.resolve("imgdl"));
    Files.writeString(xdg.resolve("imgdl/config"), "-H 'X-From: xdg'\n");
    Path home = dir.resolve("home");
    Files.createDirectories(home.resolve(".config/imgdl"));
    Files.writeString(home.resolve(".config/imgdl/config"), "-H 'X-From: home'\n");

    Map<String, String> both = Map.of("XDG_CONFIG_HOME", xdg.toString(), "HOME", home.toString());
    Cli.Outcome byXdg = run(both, "--overwrite");
    Cli.Outcome byHome = run(Map.of("HOME", home.toString()), "--overwrite");

    assertThat(byXdg.exitCode()).as(byXdg.stderr()).isZero();
    // What -v logs: Logback writes to the JVM's standard error, which a test does not capture.
    assertThat(UserConfig.apply(both, new String[] {"-v"}).note())
        .isEqualTo("config file " + xdg.resolve("imgdl/config") + " read");
    assertThat(byHome.exitCode()).as(byHome.stderr()).isZero();
    server.verify(1, getRequestedFor(urlEqualTo("/a.png")).withHeader("X-From", equalTo("xdg")));
    server.verify(1, getRequestedFor(urlEqualTo("/a.png")).withHeader("X-From", equalTo("home")));
  }

  @Test
  void noConfigIgnoresTheDefaultFileAndVerboseSaysNoneWasRead() throws IOException {
    Path home = dir.resolve("home");
    Files.createDirectories(home.resolve(".config/imgdl"));
    Files.writeString(home.resolve(".config/imgdl/config"), "-H 'X-From: home'\n");

    Cli.Outcome ignored = run(Map.of("HOME", home.toString()), "--no-config");

    assertThat(ignored.exitCode()).as(ignored.stderr()).isZero();
    assertThat(UserConfig.apply(Map.of("HOME", home.toString()), new String[] {"--no-config"})
        .note()).isEqualTo("no config file read (--no-config)");
    assertThat(UserConfig.apply(Map.of("HOME", dir.toString()), new String[0]).note())
        .isEqualTo("no config file read (there is no " + dir.resolve(".config/imgdl/config")
            + ")");
    server.verify(1, getRequestedFor(urlEqualTo("/a.png")).withHeader("X-From", absent()));
  }

  @Test
  void badLinesAreUsageErrorsNamingFileAndLine() throws IOException {
    String name = dir.resolve("imgdl.conf").toString();
    assertError(config("--rate 2", "", "--timout 5s"),
        name + ":3: Unknown option: '--timout' (did you mean --timeout?)");
    assertError(config("--rate"), name + ":1: Missing required parameter for option '--rate' (R)");
    assertError(config("--retries 5 urls.txt"), name + ":1: 'urls.txt' is not an option: a "
        + "config file holds options only, inputs go on the command line");
    assertError(config("--config other"), name + ":1: --config cannot be used in a config file");
    assertError(config("-H 'Referer: x"), name + ":1: unclosed '");
    assertError(config("--retries 1", "--retries 2"),
        name + ":2: --retries given again (first on line 1)");
    server.verify(0, getRequestedFor(urlEqualTo("/a.png")));
  }

  @Test
  void aValueFromTheFileThatIsOutOfRangeOrMalformedIsNamedByFileAndLine() throws IOException {
    String name = dir.resolve("imgdl.conf").toString();
    assertError(config("--rate 2", "# too many", "--retries 1000"),
        name + ":3: --retries must be 0 to 100, not 1000\n");
    assertError(config("-w 300"), name + ":1: --workers must be 1 to 256, not 300\n");
    assertError(config("--timeout 5x"), name + ":1: Invalid value for option '--timeout': '5x' "
        + "is not a duration (use seconds, or 500ms, 2s, 1m, 1h)");
    assertError(config("--rate abc"), name + ":1: Invalid value for option '--rate': 'abc'");
    assertError(config("--proxy ftp://x"), name + ":1: --proxy ");
    assertError(config("--resize -3"), name + ":1: --resize must be 1 to 16384, not -3\n");
    assertError(config("--resize-mode border"), name + ":1: --resize-mode needs --resize N\n");
    assertError(config("-H 'A: x'", "-H 'no colon'"),
        name + ": -H 'no colon' is not a header: use 'Name: value'\n");
    server.verify(0, getRequestedFor(urlEqualTo("/a.png")));
  }

  @Test
  void aBadValueOnTheCommandLineIsNotBlamedOnTheFile() throws IOException {
    Path file = config("--retries 5", "--timeout 2s", "-H 'X-From: file'");

    Cli.Outcome range = run(Map.of(), "--config", file.toString(), "--retries", "1000");
    Cli.Outcome malformed = run(Map.of(), "--config", file.toString(), "--timeout", "5x");
    Cli.Outcome header = run(Map.of(), "--config", file.toString(), "-H", "no colon");

    assertThat(range.exitCode()).isEqualTo(2);
    assertThat(range.stderr()).isEqualTo("imgdl: error: --retries must be 0 to 100, not 1000\n");
    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.stderr()).startsWith(
        "imgdl: error: Invalid value for option '--timeout': '5x' is not a duration");
    assertThat(header.exitCode()).isEqualTo(2);
    assertThat(header.stderr()).startsWith("imgdl: error: -H").doesNotContain("imgdl.conf");
    server.verify(0, getRequestedFor(urlEqualTo("/a.png")));
  }

  @Test
  void aMissingOrUnreadableFileAndConfigWithNoConfigAreUsageErrors() throws IOException {
    Cli.Outcome missing = run(Map.of(), "--config", dir.resolve("none").toString());
    Path home = dir.resolve("home");
    Files.createDirectories(home.resolve(".config/imgdl/config"));
    Cli.Outcome unreadableDefault = run(Map.of("HOME", home.toString()));
    Cli.Outcome both = run(Map.of(), "--config", config().toString(), "--no-config");

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.stderr()).isEqualTo("imgdl: error: config file " + dir.resolve("none")
        + ": no such file\n");
    assertThat(unreadableDefault.exitCode()).isEqualTo(2);
    assertThat(unreadableDefault.stderr()).isEqualTo("imgdl: error: config file "
        + home.resolve(".config/imgdl/config") + ": not a regular file\n");
    assertThat(both.stderr()).isEqualTo(
        "imgdl: error: --config and --no-config cannot be used together\n");
    assertThat(both.exitCode()).isEqualTo(2);
  }

  private void assertError(Path file, String message) {
    Cli.Outcome run = run(Map.of(), "--config", file.toString());
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
    assertThat(run.stderr()).startsWith("imgdl: error: " + message);
    assertThat(run.stderr().lines()).hasSize(1);
  }
}
