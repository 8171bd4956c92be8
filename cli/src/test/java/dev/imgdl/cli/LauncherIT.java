package dev.imgdl.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.imgdl.testing.Await;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Forked;
import dev.imgdl.testing.Images;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher the build makes, {@code target/imgdl}: found through a symlink, it finds java
 * (IMGDL_JAVA, then JAVA_HOME, then PATH), passes IMGDL_JAVA_OPTS, and becomes the JVM itself,
 * so that signals and exit codes are the JVM's.
 */
class LauncherIT {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path dir;
  private Process imgdl;

  @AfterEach
  void killLeftovers() {
    if (imgdl != null && imgdl.isAlive()) {
      imgdl.destroyForcibly();
    }
  }

  /** The launcher, through a symlink in a directory of its own, as on a PATH. */
  private Path linked() throws IOException {
    Path link = Files.createDirectories(dir.resolve("bin")).resolve("imgdl");
    if (!Files.isSymbolicLink(link)) {
      Files.createSymbolicLink(link,
          Path.of(System.getProperty("imgdl.launcher")).toAbsolutePath());
    }
    return link;
  }

  private static String java(Path home) {
    return home.resolve("bin").resolve("java").toString();
  }

  private Process start(Map<String, String> env, String... args) throws IOException {
    ProcessBuilder builder = Forked.builder(Stream.concat(Stream.of(linked().toString()),
        Stream.of(args)).toList());
    builder.environment().remove("IMGDL_JAVA");
    builder.environment().remove("IMGDL_JAVA_OPTS");
    builder.environment().remove("JAVA_HOME");
    builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    builder.environment().putAll(env);
    return builder.redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
  }

  private String stdout() throws IOException {
    return Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8);
  }

  private String stderr() throws IOException {
    return Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
  }

  @Test
  void runsThroughASymlinkWithTheJavaOfImgdlJavaOrJavaHome() throws Exception {
    Path home = Path.of(System.getProperty("java.home"));
    imgdl = start(Map.of("IMGDL_JAVA", java(home), "JAVA_HOME", "/nonexistent"), "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).as(stderr()).isZero();
    assertThat(stdout()).startsWith("imgdl ").contains(System.getProperty("java.version"));

    imgdl = start(Map.of("JAVA_HOME", home.toString()), "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).as(stderr()).isZero();
    assertThat(stdout()).contains(System.getProperty("java.version"));
  }

  @Test
  void aJavaThatIsNotThereIsAUsageErrorInOneLine() throws Exception {
    imgdl = start(Map.of("IMGDL_JAVA", dir.resolve("no-java").toString()), "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).isEqualTo(2);
    assertThat(stderr().strip()).startsWith("imgdl: error: ").contains("no-java")
        .doesNotContain("\n");
  }

  @Test
  void theLauncherBecomesTheJvmWithItsOptionsAndHandsItTheSignals() throws Exception {
    server.stubFor(get(urlMatching("/slow/.*")).willReturn(aResponse()
        .withBody(Images.bigPng(200)).withChunkedDribbleDelay(50, 30_000)));
    Path list = Cli.list(dir, "l.txt", List.of(server.baseUrl() + "/slow/1.png"));
    Path report = dir.resolve("r.json");
    imgdl = start(Map.of("IMGDL_JAVA", java(Path.of(System.getProperty("java.home"))),
            "IMGDL_JAVA_OPTS", "-Dimgdl.marker=yes -Xmx200m"),
        "-o", dir.resolve("out").toString(), "--report", report.toString(), "--no-progress",
        list.toString());
    Await.until("the request in flight", Duration.ofSeconds(30),
        () -> server.findAll(getRequestedFor(urlMatching("/slow/.*"))).size() == 1);

    // exec: the process started is the JVM itself, with the launcher's and the user's options.
    List<String> arguments = List.of(imgdl.info().arguments().orElse(new String[0]));
    assertThat(imgdl.info().command().orElse("")).endsWith("/java");
    assertThat(arguments).contains("-XX:+UseSerialGC", "-Dimgdl.marker=yes", "-Xmx200m", "-jar");
    assertThat(arguments.indexOf("-Xmx200m")).isLessThan(arguments.indexOf("-jar"));

    new ProcessBuilder("kill", "-INT", String.valueOf(imgdl.pid())).start().waitFor();
    assertThat(imgdl.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).as(stderr()).isEqualTo(130);
    assertThat(Cli.readJson(report).get("results").get(0).get("error").asText())
        .isEqualTo("interrupted");
  }

  @Test
  void fromJdk19OnTheJvmKeepsAClassDataSharingArchiveInTheUsersCache() throws Exception {
    Path home = newerJdk();
    imgdl = start(Map.of("IMGDL_JAVA", java(home)), "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).as(stderr()).isZero();
    try (Stream<Path> files = Files.list(dir.resolve("cache").resolve("imgdl"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .singleElement().asString().startsWith("launcher-").endsWith(".jsa");
    }
    // A second run maps it, and says nothing about it on either stream.
    imgdl = start(Map.of("IMGDL_JAVA", java(home)), "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).isZero();
    assertThat(stdout()).startsWith("imgdl ");
    assertThat(stderr()).isEmpty();
  }

  /** This JVM when it is 19 or newer, or a JDK 19+ installed beside it; skips otherwise. */
  private static Path newerJdk() throws IOException {
    if (Runtime.version().feature() >= 19) {
      return Path.of(System.getProperty("java.home"));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> homes = Files.list(jvms)) {
        for (Path home : homes.sorted().toList()) {
          Path release = home.resolve("release");
          if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/java"))) {
            String text = Files.readString(release);
            int at = text.indexOf("JAVA_VERSION=\"");
            if (at >= 0) {
              String version = text.substring(at + 14).split("[.\"]", 2)[0];
              if (version.matches("\\d+") && Integer.parseInt(version) >= 19) {
                return home;
              }
            }
          }
        }
      }
    }
    assumeTrue(false, "no JDK 19 or newer here");
    return null;
  }
}
