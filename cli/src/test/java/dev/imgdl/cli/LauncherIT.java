package dev.imgdl.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.Await;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.ParquetFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

/**
 * The launcher the build makes, {@code target/imgdl}: found through a symlink, it finds java
 * (IMGDL_JAVA, then the runtime a package installs beside it, then JAVA_HOME, then PATH), passes
 * IMGDL_JAVA_OPTS, and becomes the JVM itself,
 * so that signals and exit codes are the JVM's.
 */
class LauncherIT extends ForkedLauncher {
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
  void aRuntimeBesideTheLauncherComesAfterImgdlJavaAndBeforeJavaHome() throws Exception {
    // The layout a package installs: the launcher, its jar and runtime/ side by side, reached
    // through a symlink. Stand-in javas say which one ran.
    Path app = Files.createDirectories(dir.resolve("installed"));
    Path built = Path.of(System.getProperty("imgdl.launcher")).toAbsolutePath();
    Path launcher = Files.copy(built, app.resolve("imgdl"));
    Files.copy(built.resolveSibling("imgdl.jar"), app.resolve("imgdl.jar"));
    standInJava(app.resolve("runtime"), "the runtime beside the launcher");
    Path home = standInJava(dir.resolve("home"), "JAVA_HOME's java");
    Path link = Files.createSymbolicLink(
        Files.createDirectories(dir.resolve("on-path")).resolve("imgdl"), launcher);

    imgdl = start(link, "", Map.of("JAVA_HOME", home.toString()), "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(stdout()).as(stderr()).isEqualTo("the runtime beside the launcher\n");

    imgdl = start(link, "", Map.of("JAVA_HOME", home.toString(), "IMGDL_JAVA", java(home)),
        "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(stdout()).as(stderr()).isEqualTo("JAVA_HOME's java\n");
  }

  /** A JDK 17 folder at {@code home} whose java prints {@code name} and exits. */
  private static Path standInJava(Path home, String name) throws IOException {
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\necho \"" + name + "\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.1\"\n");
    return home;
  }

  @Test
  void parquetInputsAndShardMetadataLeaveStandardErrorEmptyOnEveryJdk() throws Exception {
    // Parquet's codecs load native code and Hadoop's Guava calls sun.misc.Unsafe, which JDK 24
    // and newer warn about on standard error, where -q promises nothing when all is well.
    server.stubFor(get(urlMatching("/img/.*")).willReturn(aResponse()
        .withHeader("Content-Type", "image/png").withBody(Images.png())));
    Path table = ParquetFiles.parquet(dir.resolve("photos.parquet"),
        "message m { required binary url (UTF8); }",
        List.of(Map.of("url", server.baseUrl() + "/img/1.png")), CompressionCodecName.SNAPPY);
    for (Path home : jdks()) {
      Path out = dir.resolve("shards-" + feature(home));
      imgdl = start(Map.of("IMGDL_JAVA", java(home)), "-q", "--no-progress",
          "--output-format", "webdataset", "-o", out.toString(), table.toString());
      assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(imgdl.exitValue()).as(stderr()).isZero();
      assertThat(stderr()).as("JDK " + feature(home)).isEmpty();
      assertThat(out.resolve("00000.parquet")).isRegularFile();
    }
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
}
