package dev.imgdl.cli.run;

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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --netrc, --netrc-file, --cookie and --cookie-jar, end to end in both worker modes. */
class LoginsEndToEndTest {
  private static final String PASSWORD = "pa55word";

  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  private final Path dir = server.dir();

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A URL on 127.0.0.1, the host the files name; {@code localhost} is another host. */
  private static String url(String path) {
    return "http://127.0.0.1:" + server.getPort() + path;
  }

  private void image(String path) {
    server.stubFor(get(path).willReturn(aResponse().withBody(Images.png())));
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private Cli.Outcome run(String mode, Map<String, String> env, List<String> urls,
      String... args) {
    List<String> all = new ArrayList<>(List.of("--mode", mode, "-w", "2", "-o",
        server.out().toString()));
    all.addAll(List.of(args));
    all.add(server.list(urls).toString());
    return Cli.runWithEnv(env, "", all.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void netrcLoginsReachTheirHostOnlyAndAUrlsOwnWins(String mode) throws IOException {
    image("/a.png");
    image("/own.png");
    image("/y.png");
    server.stubFor(get("/r.png").willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://localhost:" + server.getPort() + "/y.png")));
    server.stubFor(get("/gone.png").willReturn(aResponse().withStatus(404)));
    Path netrc = file("netrc", "machine example.org login nobody password nothing\n"
        + "machine 127.0.0.1\n  login user\n  password \"" + PASSWORD + "\"\n"
        + "default login anonymous password guest\n");
    Path failed = dir.resolve("failed.txt");
    String own = "http://me:mine@127.0.0.1:" + server.getPort() + "/own.png";

    Cli.Outcome run = run(mode, Map.of(), List.of(url("/a.png"), url("/r.png"),
        own, url("/gone.png")), "--netrc-file", netrc.toString(), "--report", "-",
        "--failed", failed.toString(), "-vv");

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    server.verify(1, getRequestedFor(urlEqualTo("/a.png"))
        .withHeader("Authorization", equalTo(basic("user", PASSWORD))));
    server.verify(1, getRequestedFor(urlEqualTo("/r.png"))
        .withHeader("Authorization", equalTo(basic("user", PASSWORD))));
    server.verify(1, getRequestedFor(urlEqualTo("/y.png")).withHeader("Authorization", absent()));
    server.verify(1, getRequestedFor(urlEqualTo("/own.png"))
        .withHeader("Authorization", equalTo(basic("me", "mine"))));
    assertThat(run.stdout() + run.stderr() + Files.readString(failed)).doesNotContain(PASSWORD);
  }

  @Test
  void netrcReadsNetrcElseHomesFileAndNoFileMeansNoLogin() throws IOException {
    image("/a.png");
    Path named = file("named-netrc", "default login named password one\n");
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.writeString(home.resolve(".netrc"), "default login home password two\n");

    run("thread", Map.of("NETRC", named.toString(), "HOME", home.toString()),
        List.of(url("/a.png")), "--netrc", "--overwrite");
    run("thread", Map.of("HOME", home.toString()), List.of(url("/a.png")), "--netrc",
        "--overwrite");
    Cli.Outcome none = run("thread", Map.of("HOME", dir.toString()),
        List.of(url("/a.png")), "--netrc", "--overwrite");

    assertThat(none.exitCode()).as(none.stderr()).isZero();
    server.verify(1, getRequestedFor(urlEqualTo("/a.png"))
        .withHeader("Authorization", equalTo(basic("named", "one"))));
    server.verify(1, getRequestedFor(urlEqualTo("/a.png"))
        .withHeader("Authorization", equalTo(basic("home", "two"))));
    server.verify(1, getRequestedFor(urlEqualTo("/a.png")).withHeader("Authorization", absent()));
  }

  @Test
  void aNetrcOrCookieFileThatCannotBeUsedIsAUsageErrorNamingFileAndLine() throws IOException {
    Path netrc = file("netrc", "machine a\n  login b\n  passwd " + PASSWORD + "\n");
    Path cookies = file("cookies.txt", "# x\n127.0.0.1\tFALSE\t/\tFALSE\tsoon\tn\tsecretvalue\n");
    List<String> urls = List.of(url("/a.png"));

    Cli.Outcome badNetrc = run("thread", Map.of(), urls, "--netrc-file", netrc.toString());
    Cli.Outcome badCookie = run("thread", Map.of(), urls, "--cookie", cookies.toString());
    Cli.Outcome missing = run("thread", Map.of(), urls, "--cookie", dir + "/none.txt");

    assertThat(badNetrc.exitCode()).isEqualTo(2);
    assertThat(badNetrc.stderr()).isEqualTo("imgdl: error: " + netrc + ":3: unexpected word "
        + "(expected machine, default, login, password, account or macdef)\n");
    assertThat(badCookie.exitCode()).isEqualTo(2);
    assertThat(badCookie.stderr()).isEqualTo("imgdl: error: " + cookies
        + ":2: not a cookie (the expiry is not a number of seconds)\n");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.stderr()).startsWith("imgdl: error: cookie file " + dir
        + "/none.txt cannot be read: ");
    server.verify(0, getRequestedFor(urlEqualTo("/a.png")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void cookiesAreSentByDomainPathSecureAndExpiry(String mode) throws IOException {
    image("/img/a.png");
    image("/b.png");
    Path cookies = file("cookies.txt", String.join("\n",
        "# Netscape HTTP Cookie File",
        "127.0.0.1\tFALSE\t/\tFALSE\t0\tsid\tabc",
        "127.0.0.1\tFALSE\t/img\tFALSE\t4102444800\tpathed\tp",
        "#HttpOnly_127.0.0.1\tFALSE\t/\tTRUE\t0\tsecure\ts",
        "127.0.0.1\tFALSE\t/\tFALSE\t1\told\to",
        ".example.org\tTRUE\t/\tFALSE\t0\tother\tx", ""));

    Cli.Outcome run = run(mode, Map.of(), List.of(url("/img/a.png"), url("/b.png")),
        "--cookie", cookies.toString());

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    server.verify(1, getRequestedFor(urlEqualTo("/img/a.png"))
        .withHeader("Cookie", equalTo("sid=abc; pathed=p")));
    server.verify(1, getRequestedFor(urlEqualTo("/b.png"))
        .withHeader("Cookie", equalTo("sid=abc")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void theJarHoldsEveryChildsCookiesAndTheFilesOwnerOnly(String mode) throws IOException {
    server.stubFor(get("/one.png").willReturn(aResponse().withBody(Images.png())
        .withHeader("Set-Cookie", "first=v1; Path=/")));
    server.stubFor(get("/two.png").willReturn(aResponse().withBody(Images.png())
        .withHeader("Set-Cookie", "second=v2; Path=/; Max-Age=3600")));
    server.stubFor(get("/three.png").willReturn(aResponse().withBody(Images.png())
        .withHeader("Set-Cookie", "sid=; Path=/; Max-Age=0")));
    Path cookies = file("cookies.txt", "127.0.0.1\tFALSE\t/\tFALSE\t0\tsid\tabc\n"
        + "127.0.0.1\tFALSE\t/\tFALSE\t0\tkept\tk\n");
    Path jar = dir.resolve("jar.txt");
    Files.writeString(jar, "an older jar\n");

    Cli.Outcome run = run(mode, Map.of(), List.of(url("/one.png"),
        url("/two.png"), url("/three.png")), "--processes", "2",
        "--cookie", cookies.toString(), "--cookie-jar", jar.toString(), "-vv");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    List<String> lines = Files.readAllLines(jar);
    assertThat(lines.get(0)).isEqualTo("# Netscape HTTP Cookie File");
    assertThat(lines).filteredOn(l -> !l.isEmpty() && !l.startsWith("# "))
        .extracting(l -> l.split("\t")[5] + "=" + l.split("\t")[6])
        .containsExactlyInAnyOrder("kept=k", "first=v1", "second=v2");
    assertThat(lines).contains("127.0.0.1\tFALSE\t/\tFALSE\t0\tfirst\tv1");
    assertThat(Files.getPosixFilePermissions(jar))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(run.stderr()).doesNotContain("v1").doesNotContain("v2");
  }
}
